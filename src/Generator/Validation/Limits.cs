namespace PleGen.Generator.Validation;

/// <summary>
/// Upper bounds checked at compile time (PLE0026), kept in one place and documented in docs/dsl.md. The generated
/// code and the architecture summary list every level and expert, so unbounded counts would stall the compiler;
/// every parameter tensor is one .NET array, so it cannot exceed <see cref="MaxTensorElements"/>.
/// </summary>
internal static class Limits
{
    /// <summary>Extraction levels per model (the PLE paper uses up to 3).</summary>
    public const int MaxLevels = 16;

    /// <summary>Tasks per model: multi-task recommenders have a handful (1,000 tasks took 44 s to compile, with no use).</summary>
    public const int MaxTasks = 64;

    /// <summary>Experts per owner (a task, or the shared pool) per level.</summary>
    public const int MaxExpertCount = 256;

    /// <summary>
    /// Elements of one tensor, and the width of the input vector: the length limit of a .NET array of float,
    /// Array.MaxLength (0x7FFFFFC7), which is below int.MaxValue.
    /// </summary>
    public const long MaxTensorElements = 2_147_483_591;
}
