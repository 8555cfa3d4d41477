using System;
using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>Collects accepted rows column by column, dictionary-encoding categorical values without a string per field.</summary>
internal sealed class CensusTableBuilder
{
    private readonly CategoricalEncoder[] _categorical;
    private readonly List<double>[] _numeric;
    private readonly List<double> _weights = new();
    private readonly List<bool> _income = new();
    private readonly List<bool> _neverMarried = new();

    public CensusTableBuilder()
    {
        _categorical = new CategoricalEncoder[CensusColumns.Categorical.Count];
        for (int c = 0; c < _categorical.Length; c++)
        {
            _categorical[c] = new CategoricalEncoder();
        }

        _numeric = new List<double>[CensusColumns.Numeric.Count];
        for (int n = 0; n < _numeric.Length; n++)
        {
            _numeric[n] = new List<double>();
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
            _numeric[n].Add(numeric[n]);
        }

        _weights.Add(row.InstanceWeight);
        _income.Add(row.IncomeAbove50K);
        _neverMarried.Add(row.Field(CensusColumns.MaritalStatusField).SequenceEqual(CensusLabels.NeverMarried));
    }

    public CensusTable Build(string source, CensusBadRows badRows)
    {
        var categorical = new CensusEncodedColumn[_categorical.Length];
        for (int c = 0; c < categorical.Length; c++)
        {
            categorical[c] = new CensusEncodedColumn(CensusColumns.Categorical[c], _categorical[c].Codes.ToArray(), _categorical[c].Values.ToArray());
        }

        var numeric = new double[_numeric.Length][];
        for (int n = 0; n < numeric.Length; n++)
        {
            numeric[n] = _numeric[n].ToArray();
        }

        return new CensusTable(source, categorical, numeric, _weights.ToArray(), _income.ToArray(), _neverMarried.ToArray(), badRows);
    }

    private sealed class CategoricalEncoder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public CategoricalEncoder() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<int> Codes { get; } = new();

        public List<string> Values { get; } = new();

        public void Add(ReadOnlySpan<char> value)
        {
            if (!_lookup.TryGetValue(value, out int code))
            {
                code = Values.Count;
                string text = value.ToString();
                Values.Add(text);
                _codes.Add(text, code);
            }

            Codes.Add(code);
        }
    }
}
