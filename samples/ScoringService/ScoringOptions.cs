namespace PleGen.Samples.ScoringService;

/// <summary>What an unknown category string becomes when the service maps raw values through the saved vocabularies.</summary>
public enum UnknownCategoryPolicy
{
    /// <summary>Id 0, as the data layer maps every value the training split did not contain (the default).</summary>
    OutOfVocabulary,

    /// <summary>A 400 naming the field and the value.</summary>
    Reject,
}

/// <summary>The service's settings: configuration section <c>Scoring</c> (appsettings, environment <c>Scoring__MaxRows</c>, or <c>--Scoring:MaxRows 64</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scoring";

    /// <summary>
    /// The engine (also <c>--backend</c>): "managed" (PleGen's engine, the default) or "onnxruntime" (the checkpoint
    /// exported with the model's generated ExportOnnx to <see cref="OnnxModel"/>, served by ONNX Runtime).
    /// </summary>
    public string Backend { get; set; } = "managed";

    /// <summary>Where the onnxruntime backend writes the export (also <c>--onnx PATH</c>); null: beside the checkpoint, <c>model.onnx</c>.</summary>
    public string? OnnxModel { get; set; }

    /// <summary>The safetensors checkpoint to serve (also <c>--model PATH</c>); null trains and serves the demo model.</summary>
    public string? Checkpoint { get; set; }

    /// <summary>
    /// The preprocessing file (vocabularies and standardization). Null: the file beside the checkpoint
    /// (<c>model.preprocessing.json</c>) when it exists, and then rows carry raw values; without one, rows carry
    /// encoded values (ids and dense values as the model reads them). "none" ignores a file beside the checkpoint.
    /// </summary>
    public string? Preprocessing { get; set; }

    /// <summary>Rows per request at most (default 1024).</summary>
    public int MaxRows { get; set; } = 1024;

    /// <summary>Request body size at most, in bytes (default 1 MiB); a larger body gets a 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>What an unknown category string becomes (raw values only).</summary>
    public UnknownCategoryPolicy UnknownCategories { get; set; } = UnknownCategoryPolicy.OutOfVocabulary;

    /// <summary>Where the demo model is written when no checkpoint is given (default: a folder under the temporary directory).</summary>
    public string? DemoDirectory { get; set; }

    /// <summary>Synthetic rows the demo model trains on (default 12,000).</summary>
    public int DemoRows { get; set; } = 12_000;
}
