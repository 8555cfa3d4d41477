namespace PleGen.Samples.Census;

/// <summary>The two tasks of the census task group (PLE paper, sec. 5.2.1) and the raw values they come from.</summary>
public static class CensusLabels
{
    /// <summary>Task 1: income exceeds 50K.</summary>
    public const string IncomeTask = "income";

    /// <summary>Task 2: marital status is "Never married".</summary>
    public const string NeverMarriedTask = "never_married";

    /// <summary>Label field value for income at most 50K.</summary>
    public const string IncomeAtMost50K = "- 50000.";

    /// <summary>Label field value for income above 50K.</summary>
    public const string IncomeAbove50K = "50000+.";

    /// <summary>Marital status value that makes never_married 1.</summary>
    public const string NeverMarried = "Never married";
}
