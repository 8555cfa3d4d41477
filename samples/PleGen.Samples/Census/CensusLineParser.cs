using System;
using System.Globalization;

namespace PleGen.Samples.Census;

/// <summary>
/// Splits and validates one census row. Holds the fields of the last row it accepted, so a reader can take
/// the values it needs without splitting twice; reuse one parser per file.
/// </summary>
internal sealed class CensusLineParser
{
    private readonly Range[] _fields = new Range[CensusColumns.FieldCount];
    private readonly double[] _numeric = new double[CensusColumns.NumericFields.Count];
    private string _line = string.Empty;

    /// <summary>1-based line number of the accepted row.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The numeric columns of the accepted row, in <see cref="CensusColumns.Numeric"/> order.</summary>
    public ReadOnlySpan<double> Numeric => _numeric;

    /// <summary>The instance weight of the accepted row.</summary>
    public double InstanceWeight { get; private set; }

    /// <summary>Whether the accepted row's income label is "50000+.".</summary>
    public bool IncomeAbove50K { get; private set; }

    /// <summary>A trimmed field of the accepted row (0-based index).</summary>
    public ReadOnlySpan<char> Field(int index) => _line.AsSpan()[_fields[index]];

    /// <summary>Checks a non-blank line; returns null when it is a valid row, otherwise what is wrong.</summary>
    public string? Parse(string line, int lineNumber)
    {
        _line = line;
        LineNumber = lineNumber;
        ReadOnlySpan<char> text = line.AsSpan();
        int found = text.Count(',') + 1;
        if (found != CensusColumns.FieldCount)
        {
            return $"expected {CensusColumns.FieldCount} fields, found {found}";
        }

        text.Split(_fields, ',', StringSplitOptions.TrimEntries);
        for (int i = 0; i < CensusColumns.FieldCount; i++)
        {
            if (Field(i).IsEmpty)
            {
                return $"{CensusColumns.Describe(i)} is empty";
            }
        }

        for (int n = 0; n < _numeric.Length; n++)
        {
            int field = CensusColumns.NumericFields[n];
            if (!TryParseNumber(Field(field), out _numeric[n]))
            {
                return $"{CensusColumns.Describe(field)}: '{Field(field).ToString()}' is not a number";
            }
        }

        if (!TryParseNumber(Field(CensusColumns.InstanceWeightField), out double weight))
        {
            return $"{CensusColumns.Describe(CensusColumns.InstanceWeightField)}: '{Field(CensusColumns.InstanceWeightField).ToString()}' is not a number";
        }

        if (weight < 0)
        {
            return $"{CensusColumns.Describe(CensusColumns.InstanceWeightField)}: {weight.ToString(CultureInfo.InvariantCulture)} is negative";
        }

        InstanceWeight = weight;
        ReadOnlySpan<char> label = Field(CensusColumns.LabelField);
        if (label.SequenceEqual(CensusLabels.IncomeAbove50K))
        {
            IncomeAbove50K = true;
        }
        else if (label.SequenceEqual(CensusLabels.IncomeAtMost50K))
        {
            IncomeAbove50K = false;
        }
        else
        {
            return $"{CensusColumns.Describe(CensusColumns.LabelField)}: unknown label '{label.ToString()}'; expected '{CensusLabels.IncomeAtMost50K}' or '{CensusLabels.IncomeAbove50K}'";
        }

        return null;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
