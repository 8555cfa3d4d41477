using System;

namespace PleGen;

/// <summary>
/// Declares a prediction task: its name (which becomes a C# identifier in generated code), its kind, its tower
/// and its place in the joint loss <c>L = sum_k w_k(t) * L_k</c>, with <c>w_k(t) = LossWeight * LossWeightDecay^t</c>
/// at epoch t (PLE Eq. 10).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TaskAttribute : Attribute
{
    /// <param name="name">Task name, e.g. <c>"income"</c>; generated members use its PascalCase form (<c>Income</c>).</param>
    /// <param name="kind">Binary classification or regression.</param>
    public TaskAttribute(string name, TaskKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>Task name.</summary>
    public string Name { get; }

    /// <summary>Binary classification or regression.</summary>
    public TaskKind Kind { get; }

    /// <summary>Hidden units of the task's tower MLP (a final linear layer to one output is always added). Default <c>[32]</c>.</summary>
    public int[]? Tower { get; set; }

    /// <summary>Initial loss weight w_k0 (PLE Eq. 10). Must be positive. Default 1.</summary>
    public double LossWeight { get; set; } = 1.0;

    /// <summary>Per-epoch decay gamma_k of the loss weight (PLE Eq. 10). Must be positive. Default 1 (static weight).</summary>
    public double LossWeightDecay { get; set; } = 1.0;

    /// <summary>
    /// True when the task has its own sample space (PLE Eq. 9): labels then carry a 0/1 mask per sample and the
    /// task's loss averages over masked-in samples only. Default false.
    /// </summary>
    public bool Masked { get; set; }
}
