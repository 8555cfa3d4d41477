using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>
/// One split, ready for a model: the data layer's <see cref="PreparedTable"/> (<see cref="Columns"/>, an
/// <see cref="IColumnSource"/> a Dataset binds by name) and, taken from it once, per categorical column an int[] of ids,
/// the numeric columns standardized (one float[] per column and the row-major matrix [Count, 7]), both labels as 0/1
/// floats, and the instance weights kept aside. The arrays are shared, not copied: treat them as read-only.
/// </summary>
public sealed class CensusSplit
{
    private readonly int[][] _categorical;
    private readonly float[][] _numeric;

    internal CensusSplit(string name, IReadOnlyList<int> sourceRows, PreparedTable columns)
    {
        Name = name;
        Columns = columns;
        SourceRows = sourceRows.ToArray();
        _categorical = CensusColumns.Categorical.Select(columns.Ids).ToArray();
        _numeric = CensusColumns.Numeric.Select(c => columns.Values(c)).ToArray();
        Dense = columns.Dense(CensusSchema.DenseFeatureName, CensusColumns.Numeric.Count);
        Income = columns.Labels(CensusLabels.IncomeTask, TaskKind.Binary);
        NeverMarried = columns.Labels(CensusLabels.NeverMarriedTask, TaskKind.Binary);
        InstanceWeights = columns.Values(CensusColumns.Names[CensusColumns.InstanceWeightField]);
    }

    /// <summary>"train", "validation" or "test".</summary>
    public string Name { get; }

    /// <summary>The file the rows come from.</summary>
    public string Source => Columns.Table.Source;

    /// <summary>The split as the data layer prepared it: bind a Dataset to it by declared names.</summary>
    public PreparedTable Columns { get; }

    /// <summary>Samples in the split.</summary>
    public int Count => Income.Length;

    /// <summary>For each sample, its 0-based row among the valid rows of <see cref="Source"/>.</summary>
    public IReadOnlyList<int> SourceRows { get; }

    /// <summary>Ids of every categorical column, in <see cref="CensusColumns.Categorical"/> order.</summary>
    public IReadOnlyList<int[]> CategoricalIds => _categorical;

    /// <summary>Standardized numeric columns, row-major [Count, 7] in <see cref="CensusColumns.Numeric"/> order.</summary>
    public float[] Dense { get; }

    /// <summary>Income label: 1 when income is above 50K.</summary>
    public float[] Income { get; }

    /// <summary>never_married label: 1 when marital status is "Never married".</summary>
    public float[] NeverMarried { get; }

    /// <summary>The survey's instance weights; not a feature (useful for weighted metrics).</summary>
    public float[] InstanceWeights { get; }

    /// <summary>The ids of one categorical column (0 = not in the training vocabulary).</summary>
    public int[] Categorical(string column) => _categorical[IndexOf(CensusColumns.Categorical, column, "categorical")];

    /// <summary>One standardized numeric column.</summary>
    public float[] Numeric(string column) => _numeric[IndexOf(CensusColumns.Numeric, column, "numeric")];

    /// <summary>The labels of a task by name ("income" or "never_married").</summary>
    public float[] Labels(string task) => task switch
    {
        CensusLabels.IncomeTask => Income,
        CensusLabels.NeverMarriedTask => NeverMarried,
        _ => throw new ArgumentException($"The census data has no task '{task}'; its tasks are '{CensusLabels.IncomeTask}' and '{CensusLabels.NeverMarriedTask}'.", nameof(task)),
    };

    private static int IndexOf(IReadOnlyList<string> names, string column, string kind)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{column}' is not a {kind} census column; {kind} columns are {string.Join(", ", names)}.", nameof(column));
    }
}
