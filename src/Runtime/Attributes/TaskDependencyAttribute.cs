using System;

namespace PleGen;

/// <summary>
/// For <see cref="AsymmetricSharingModelAttribute"/>: task <see cref="Task"/>'s tower also reads the bottom outputs of the
/// tasks in <see cref="DependsOn"/> (after its own, in the order given), fused as the model's Fusion says. Dependencies are
/// one-way: "ctr" reading "cvr" does not make "cvr" read "ctr". At most one per task.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TaskDependencyAttribute : Attribute
{
    /// <param name="task">The task (by declared name) whose tower reads the others' bottoms.</param>
    public TaskDependencyAttribute(string task)
    {
        Task = task;
    }

    /// <summary>The task whose tower reads the others' bottoms.</summary>
    public string Task { get; }

    /// <summary>The tasks (by declared name) whose bottom outputs <see cref="Task"/>'s tower reads, e.g. <c>["cvr"]</c>.</summary>
    public string[]? DependsOn { get; set; }
}
