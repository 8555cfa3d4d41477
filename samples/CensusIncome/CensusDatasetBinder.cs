using System;
using System.Linq;
using System.Reflection;
using PleGen.Samples.Census;

namespace PleGen.Samples.CensusSample;

/// <summary>
/// Builds a generated model's Dataset from a census split. A generated Dataset constructor takes one array per
/// declared feature and task, named after them; with 33 inputs the sample binds them by name instead of writing
/// each call out: "numeric" gets the standardized matrix, a categorical column its ids, a task its labels, and a
/// task's sample-space mask null (both census tasks cover every sample). The arrays are wrapped, not copied.
/// </summary>
public static class CensusDatasetBinder
{
    /// <summary>The Dataset of <typeparamref name="TDataset"/> over <paramref name="split"/>.</summary>
    public static TDataset Bind<TDataset>(CensusSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        ConstructorInfo constructor = typeof(TDataset).GetConstructors().Single();
        object?[] arguments = constructor.GetParameters().Select(p => Argument(split, p, typeof(TDataset))).ToArray();
        try
        {
            return (TDataset)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The generated constructor's own checks (lengths, id ranges) name the feature; surface them unwrapped.
            throw e.InnerException;
        }
    }

    private static object? Argument(CensusSplit split, ParameterInfo parameter, Type dataset)
    {
        string name = Normalize(parameter.Name!);
        if (name == Normalize(CensusSchema.DenseFeatureName))
        {
            return split.Dense;
        }

        if (name == Normalize(CensusLabels.IncomeTask))
        {
            return split.Income;
        }

        if (name == Normalize(CensusLabels.NeverMarriedTask))
        {
            return split.NeverMarried;
        }

        if (name.EndsWith("mask", StringComparison.Ordinal) && parameter.HasDefaultValue)
        {
            return null;
        }

        string? column = CensusColumns.Categorical.FirstOrDefault(c => Normalize(c) == name);
        return column is not null
            ? split.Categorical(column)
            : throw new InvalidOperationException($"{dataset.FullName} takes '{parameter.Name}', which is neither '{CensusSchema.DenseFeatureName}', a task ({CensusLabels.IncomeTask}, {CensusLabels.NeverMarriedTask}) nor a categorical census column; declare features named after the census columns.");
    }

    // Generated parameter names are camelCase ("classWorker" for class_worker); compare without case and underscores.
    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
