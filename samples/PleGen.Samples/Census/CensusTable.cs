using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>
/// A census file as a data-layer <see cref="DataTable"/>: the 32 categorical input columns (dictionary-encoded), the 7
/// numeric ones, the instance weight, and the labels as 0/1 columns named after the tasks ("income", "never_married").
/// The input of <see cref="CensusPipeline"/>.
/// </summary>
public sealed class CensusTable
{
    internal CensusTable(DataTable columns, CensusBadRows badRows)
    {
        Columns = columns;
        BadRows = badRows;
    }

    /// <summary>The rows as named columns.</summary>
    public DataTable Columns { get; }

    /// <summary>The file the rows came from.</summary>
    public string Source => Columns.Source;

    /// <summary>Valid rows read.</summary>
    public int Count => Columns.RowCount;

    /// <summary>The categorical columns, in <see cref="CensusColumns.Categorical"/> order.</summary>
    public IReadOnlyList<CategoricalColumn> Categorical => CensusColumns.Categorical.Select(c => Columns.Categorical(c)).ToArray();

    /// <summary>Instance weights (field 25), one per row; not a feature.</summary>
    public IReadOnlyList<double> InstanceWeights => Numeric(CensusColumns.Names[CensusColumns.InstanceWeightField]);

    /// <summary>Income label per row.</summary>
    public IReadOnlyList<bool> IncomeAbove50K => Flags(CensusLabels.IncomeTask);

    /// <summary>never_married label per row.</summary>
    public IReadOnlyList<bool> NeverMarried => Flags(CensusLabels.NeverMarriedTask);

    /// <summary>Rows skipped as malformed (empty unless read with <see cref="CensusReadOptions.SkipBadRows"/>).</summary>
    public CensusBadRows BadRows { get; }

    /// <summary>A numeric column's raw values by name (one of <see cref="CensusColumns.Numeric"/>, or instance_weight).</summary>
    public IReadOnlyList<double> Numeric(string name)
    {
        if (!CensusColumns.Numeric.Contains(name) && name != CensusColumns.Names[CensusColumns.InstanceWeightField])
        {
            throw new ArgumentException($"'{name}' is not a numeric census column; numeric columns are {string.Join(", ", CensusColumns.Numeric)}.", nameof(name));
        }

        ReadOnlySpan<float> values = Columns.Numeric(name).Values;
        var result = new double[values.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>How many rows have income above 50K.</summary>
    public int CountIncomeAbove50K() => IncomeAbove50K.Count(x => x);

    /// <summary>How many rows are never married.</summary>
    public int CountNeverMarried() => NeverMarried.Count(x => x);

    private bool[] Flags(string task)
    {
        ReadOnlySpan<float> values = Columns.Numeric(task).Values;
        var flags = new bool[values.Length];
        for (int i = 0; i < flags.Length; i++)
        {
            flags[i] = values[i] == 1f;
        }

        return flags;
    }
}
