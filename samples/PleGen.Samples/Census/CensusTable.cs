using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Census;

/// <summary>
/// A census file held column by column: categorical columns dictionary-encoded, numeric columns as doubles,
/// the instance weights and both labels. The input of <see cref="CensusPipeline"/>.
/// </summary>
public sealed class CensusTable
{
    internal CensusTable(string source, CensusEncodedColumn[] categorical, double[][] numeric, double[] instanceWeights, bool[] incomeAbove50K, bool[] neverMarried, CensusBadRows badRows)
    {
        Source = source;
        Count = instanceWeights.Length;
        CategoricalColumns = categorical;
        NumericColumns = numeric;
        WeightArray = instanceWeights;
        IncomeArray = incomeAbove50K;
        NeverMarriedArray = neverMarried;
        BadRows = badRows;
    }

    /// <summary>The file the rows came from.</summary>
    public string Source { get; }

    /// <summary>Valid rows read.</summary>
    public int Count { get; }

    /// <summary>The categorical columns, in <see cref="CensusColumns.Categorical"/> order.</summary>
    public IReadOnlyList<CensusEncodedColumn> Categorical => CategoricalColumns;

    /// <summary>Instance weights (field 25), one per row; not a feature.</summary>
    public IReadOnlyList<double> InstanceWeights => WeightArray;

    /// <summary>Income label per row.</summary>
    public IReadOnlyList<bool> IncomeAbove50K => IncomeArray;

    /// <summary>never_married label per row.</summary>
    public IReadOnlyList<bool> NeverMarried => NeverMarriedArray;

    /// <summary>Rows skipped as malformed (empty unless read with <see cref="CensusReadOptions.SkipBadRows"/>).</summary>
    public CensusBadRows BadRows { get; }

    internal CensusEncodedColumn[] CategoricalColumns { get; }

    internal double[][] NumericColumns { get; }

    internal double[] WeightArray { get; }

    internal bool[] IncomeArray { get; }

    internal bool[] NeverMarriedArray { get; }

    /// <summary>A numeric column's raw values by name (one of <see cref="CensusColumns.Numeric"/>).</summary>
    public IReadOnlyList<double> Numeric(string name)
    {
        for (int i = 0; i < CensusColumns.Numeric.Count; i++)
        {
            if (CensusColumns.Numeric[i] == name)
            {
                return NumericColumns[i];
            }
        }

        throw new ArgumentException($"'{name}' is not a numeric census column; numeric columns are {string.Join(", ", CensusColumns.Numeric)}.", nameof(name));
    }

    /// <summary>How many rows have income above 50K.</summary>
    public int CountIncomeAbove50K() => IncomeArray.Count(x => x);

    /// <summary>How many rows are never married.</summary>
    public int CountNeverMarried() => NeverMarriedArray.Count(x => x);
}
