namespace PleGen.Samples.Experiments;

/// <summary>Which flavor of the generated models an experiment trains.</summary>
public enum Backend
{
    /// <summary>PleGen's own engine (PleGen.Runtime).</summary>
    Managed,

    /// <summary>The generated TorchSharpModel on libtorch (CPU here).</summary>
    TorchSharp,
}
