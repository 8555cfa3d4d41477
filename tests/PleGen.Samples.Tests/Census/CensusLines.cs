using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Samples.Census;

namespace PleGen.Samples.Tests.Census;

/// <summary>Builds census rows in the UCI format from a real row of census-income.test, with chosen fields replaced.</summary>
internal static class CensusLines
{
    private const string Template =
        "38, Private, 6, 36, 1st 2nd 3rd or 4th grade, 0, Not in universe, Married-civilian spouse present, Manufacturing-durable goods, "
        + "Machine operators assmblrs & inspctrs, White, Mexican (Mexicano), Female, Not in universe, Not in universe, Full-time schedules, 0, 0, 0, "
        + "Joint one under 65 & one 65+, Not in universe, Not in universe, Spouse of householder, Spouse of householder, 1032.38, ?, ?, ?, "
        + "Not in universe under 1 year old, ?, 4, Not in universe, Mexico, Mexico, Mexico, Foreign born- Not a citizen of U S , 0, Not in universe, 2, 12, 95, - 50000.";

    /// <summary>The template's fields, trimmed.</summary>
    public static string[] Fields() => Template.Split(',').Select(f => f.Trim()).ToArray();

    /// <summary>A row with the given fields (by column name) replaced.</summary>
    public static string Row(params (string Column, string Value)[] changes)
    {
        string[] fields = Fields();
        foreach ((string column, string value) in changes)
        {
            fields[IndexOf(column)] = value;
        }

        return string.Join(", ", fields);
    }

    /// <summary>A row with the main fields tests vary.</summary>
    public static string Row(int age, string education, bool neverMarried, bool incomeAbove50K, double weight = 1000) => Row(
        ("age", age.ToString(CultureInfo.InvariantCulture)),
        ("education", education),
        ("marital_stat", neverMarried ? CensusLabels.NeverMarried : "Married-civilian spouse present"),
        ("income_50k", incomeAbove50K ? CensusLabels.IncomeAbove50K : CensusLabels.IncomeAtMost50K),
        ("instance_weight", weight.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Rows joined with newlines, with a trailing newline.</summary>
    public static string File(IEnumerable<string> rows) => string.Join("\n", rows) + "\n";

    private static int IndexOf(string column)
    {
        for (int i = 0; i < CensusColumns.Names.Count; i++)
        {
            if (CensusColumns.Names[i] == column)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(column);
    }
}
