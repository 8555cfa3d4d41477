using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Census;

/// <summary>
/// The layout of a UCI Census-Income (KDD) row: 42 comma+space separated fields, no header. Field 25 is an
/// instance weight (a survey weight, not a feature), field 8 (marital status) is the source of the
/// never_married label and therefore not an input, and field 42 is the income label.
/// </summary>
public static class CensusColumns
{
    /// <summary>Fields per row.</summary>
    public const int FieldCount = 42;

    /// <summary>0-based index of marital status (field 8).</summary>
    public const int MaritalStatusField = 7;

    /// <summary>0-based index of the instance weight (field 25).</summary>
    public const int InstanceWeightField = 24;

    /// <summary>0-based index of the income label (field 42).</summary>
    public const int LabelField = 41;

    /// <summary>The short names of all 42 fields, in file order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "age", "class_worker", "det_ind_code", "det_occ_code", "education", "wage_per_hour",
        "hs_college", "marital_stat", "major_ind_code", "major_occ_code", "race", "hisp_origin",
        "sex", "union_member", "unemp_reason", "full_or_part_emp", "capital_gains",
        "capital_losses", "stock_dividends", "tax_filer_stat", "region_prev_res",
        "state_prev_res", "det_hh_fam_stat", "det_hh_summ", "instance_weight", "mig_chg_msa",
        "mig_chg_reg", "mig_move_reg", "mig_same", "mig_prev_sunbelt", "num_emp", "fam_under_18",
        "country_father", "country_mother", "country_self", "citizenship", "own_or_self",
        "vet_question", "vet_benefits", "weeks_worked", "year", "income_50k",
    ];

    /// <summary>The continuous columns, in file order. Every other input column is categorical (including coded ones such as det_ind_code and year).</summary>
    public static IReadOnlyList<string> Numeric { get; } =
        ["age", "wage_per_hour", "capital_gains", "capital_losses", "stock_dividends", "num_emp", "weeks_worked"];

    /// <summary>0-based field indices of <see cref="Numeric"/>.</summary>
    public static IReadOnlyList<int> NumericFields { get; } = Numeric.Select(n => IndexOf(n)).ToArray();

    /// <summary>0-based field indices of the 32 categorical input columns, in file order.</summary>
    public static IReadOnlyList<int> CategoricalFields { get; } = Enumerable.Range(0, FieldCount)
        .Where(i => i != MaritalStatusField && i != InstanceWeightField && i != LabelField && !NumericFields.Contains(i))
        .ToArray();

    /// <summary>The categorical input columns, in file order.</summary>
    public static IReadOnlyList<string> Categorical { get; } = CategoricalFields.Select(i => Names[i]).ToArray();

    /// <summary>A field's 1-based number and name, as messages show it: "field 25 (instance_weight)".</summary>
    public static string Describe(int field) => $"field {field + 1} ({Names[field]})";

    private static int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"'{name}' is not a census column.");
    }
}
