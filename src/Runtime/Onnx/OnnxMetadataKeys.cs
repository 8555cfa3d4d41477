namespace PleGen.Runtime.Onnx;

/// <summary>The metadata_props keys every file <see cref="OnnxModelWriter"/> writes (read them with ONNX Runtime's ModelMetadata.CustomMetadataMap).</summary>
public static class OnnxMetadataKeys
{
    /// <summary>The model's full type name, e.g. <c>MyApp.CensusPle</c>.</summary>
    public const string Model = "model";

    /// <summary>The architecture, e.g. <c>PLE</c>, <c>CGC</c>, <c>MMoE</c>.</summary>
    public const string Architecture = "architecture";

    /// <summary>The activation after every hidden layer: <c>Relu</c>, <c>Tanh</c> or <c>Sigmoid</c>.</summary>
    public const string Activation = "activation";

    /// <summary>Each task's kind by its logit or value output, in output order: e.g. <c>Ctr=binary,WatchTime=regression</c>.</summary>
    public const string TaskKinds = "task_kinds";

    /// <summary>The version of PleGen that wrote the file, e.g. <c>0.1.0</c>.</summary>
    public const string PleGenVersion = "plegen_version";

    /// <summary>The keys the writer sets itself; <see cref="OnnxModelWriter.Metadata"/> refuses them.</summary>
    internal static readonly string[] Reserved = [Model, Architecture, Activation, TaskKinds, PleGenVersion];
}
