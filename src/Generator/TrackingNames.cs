namespace PleGen.Generator;

/// <summary>Names of pipeline steps, so tests can prove which steps re-ran after an edit.</summary>
internal static class TrackingNames
{
    /// <summary>The transform: a declaration parsed, validated and planned into a plan (or null) plus diagnostics.</summary>
    public const string ParseModel = "PleGen.ParseModel";

    /// <summary>The plan alone, which is all the renderers read.</summary>
    public const string ModelPlan = "PleGen.ModelPlan";

    /// <summary>A task group's data types plan.</summary>
    public const string TaskGroup = "PleGen.TaskGroup";

    /// <summary>Whether the compilation references TorchSharp (a bool, so unrelated edits leave it cached).</summary>
    public const string TorchSharpReference = "PleGen.TorchSharpReference";

    /// <summary>The plans whose TorchSharp flavor is generated.</summary>
    public const string TorchSharpPlan = "PleGen.TorchSharpPlan";
}
