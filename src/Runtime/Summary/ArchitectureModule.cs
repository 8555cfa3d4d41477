using System.Collections.Generic;

namespace PleGen;

/// <summary>
/// One module of a generated model's architecture, as computed by the generator at compile time
/// (see the generated <c>Architecture.Modules</c>).
/// </summary>
/// <param name="Name">State-dict prefix of the module's parameters, e.g. <c>levels.0.shared.1</c>.</param>
/// <param name="Kind">What the module is.</param>
/// <param name="Level">Extraction level, or -1 for modules outside the levels.</param>
/// <param name="InputWidth">Width of the vector the module reads (for an embedding: its cardinality).</param>
/// <param name="OutputWidth">Width of the vector the module produces (for a gate: the mixed output width).</param>
/// <param name="Parameters">Number of trainable parameters.</param>
/// <param name="ReadsFrom">What the module reads: <c>input</c>, <c>income fused (level 0)</c>, ...</param>
/// <param name="Mixes">For a gate, the experts it mixes in order (its fan-in); empty otherwise.</param>
public sealed record ArchitectureModule(
    string Name,
    ModuleKind Kind,
    int Level,
    int InputWidth,
    int OutputWidth,
    long Parameters,
    string ReadsFrom,
    IReadOnlyList<string> Mixes);
