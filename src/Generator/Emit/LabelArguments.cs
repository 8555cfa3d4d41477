using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// The order of a model's label arguments, in one place for every Labels and Dataset member of both flavors: every
/// task's labels in declaration order, then the sample-space masks of the masked tasks (optional, so they come last).
/// </summary>
internal static class LabelArguments
{
    public static IEnumerable<string> For(ModelSpec spec, Func<TaskSpec, string> labels, Func<TaskSpec, string> mask)
        => spec.Tasks.Select(labels).Concat(spec.Tasks.Where(t => t.Masked).Select(mask));
}
