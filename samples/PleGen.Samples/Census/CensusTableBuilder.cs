using System;
using System.Collections.Generic;
using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>
/// Collects accepted rows into the data layer's columns: the categorical inputs dictionary-encoded without a string per
/// field (<see cref="CategoricalEncoder"/>), the numeric inputs, the instance weight, and both labels as 0/1 columns named
/// after their tasks, so a model's tasks bind to them by name.
/// </summary>
internal sealed class CensusTableBuilder
{
    private readonly CategoricalEncoder[] _categorical;
    private readonly List<float>[] _numeric;
    private readonly List<float> _weights = new();
    private readonly List<float> _income = new();
    private readonly List<float> _neverMarried = new();

    public CensusTableBuilder()
    {
        _categorical = new CategoricalEncoder[CensusColumns.Categorical.Count];
        for (int c = 0; c < _categorical.Length; c++)
        {
            _categorical[c] = new CategoricalEncoder();
        }

        _numeric = new List<float>[CensusColumns.Numeric.Count];
        for (int n = 0; n < _numeric.Length; n++)
        {
            _numeric[n] = new List<float>();
        }
    }

    public void Append(CensusLineParser row)
    {
        for (int c = 0; c < _categorical.Length; c++)
        {
            _categorical[c].Add(row.Field(CensusColumns.CategoricalFields[c]));
        }

        ReadOnlySpan<double> numeric = row.Numeric;
        for (int n = 0; n < _numeric.Length; n++)
        {
            _numeric[n].Add((float)numeric[n]);
        }

        _weights.Add((float)row.InstanceWeight);
        _income.Add(row.IncomeAbove50K ? 1f : 0f);
        _neverMarried.Add(row.Field(CensusColumns.MaritalStatusField).SequenceEqual(CensusLabels.NeverMarried) ? 1f : 0f);
    }

    public CensusTable Build(string source, CensusBadRows badRows)
    {
        var columns = new List<DataColumn>();
        for (int c = 0; c < _categorical.Length; c++)
        {
            columns.Add(_categorical[c].ToColumn(CensusColumns.Categorical[c]));
        }

        for (int n = 0; n < _numeric.Length; n++)
        {
            columns.Add(new NumericColumn(CensusColumns.Numeric[n], _numeric[n].ToArray()));
        }

        columns.Add(new NumericColumn(CensusColumns.Names[CensusColumns.InstanceWeightField], _weights.ToArray()));
        columns.Add(new NumericColumn(CensusLabels.IncomeTask, _income.ToArray()));
        columns.Add(new NumericColumn(CensusLabels.NeverMarriedTask, _neverMarried.ToArray()));
        return new CensusTable(new DataTable(columns, source), badRows);
    }
}
