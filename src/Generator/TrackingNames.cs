namespace PleGen.Generator;

/// <summary>Names of pipeline steps, so tests can prove which steps re-ran after an edit.</summary>
internal static class TrackingNames
{
    /// <summary>The transform: a declaration parsed and validated into a spec (or null) plus diagnostics.</summary>
    public const string ParseModel = "PleGen.ParseModel";

    /// <summary>The spec alone, which is all the emitter reads.</summary>
    public const string ModelSpec = "PleGen.ModelSpec";

    /// <summary>Whether the compilation references TorchSharp (a bool, so unrelated edits leave it cached).</summary>
    public const string TorchSharpReference = "PleGen.TorchSharpReference";

    /// <summary>A spec paired with whether its TorchSharp flavor is generated.</summary>
    public const string TorchSharpSpec = "PleGen.TorchSharpSpec";
}
