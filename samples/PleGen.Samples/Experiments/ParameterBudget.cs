using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace PleGen.Samples.Experiments;

/// <summary>
/// The budget rule that makes a comparison comparable: every multi-task model has within ±<see cref="Tolerance"/> of the
/// reference model's (PLE's) trainable parameters, counted by the generator at compile time. The single-task baseline is
/// exempt: it is the reference point of the MTL gain, one network per task, and its count (every task's network together)
/// is reported but not held to the band. The reports list every model's count with its ratio to the reference and say
/// which are outside the band.
/// </summary>
public sealed class ParameterBudget
{
    /// <summary>The default band: ±25 % of the reference.</summary>
    public const double DefaultTolerance = 0.25;

    /// <summary>Creates the budget of <paramref name="models"/> (name and parameter count, null when unknown).</summary>
    public ParameterBudget(IEnumerable<(string Model, long? Parameters)> models, long? referenceParameters, string reference = PaperModels.Reference, string? exempt = "SingleTask", double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (!(tolerance > 0 && tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The band's tolerance is a fraction in (0, 1), e.g. 0.25 for ±25 %.");
        }

        Reference = reference;
        ReferenceParameters = referenceParameters;
        Tolerance = tolerance;
        Entries = models.Select(m => Classify(m.Model, m.Parameters, m.Model == exempt)).ToArray();
    }

    /// <summary>The model whose parameter count the band is centered on.</summary>
    public string Reference { get; }

    /// <summary>The reference's parameter count; null when the sample declares no reference model.</summary>
    public long? ReferenceParameters { get; }

    /// <summary>The band's half-width as a fraction of <see cref="ReferenceParameters"/>.</summary>
    public double Tolerance { get; }

    /// <summary>Every model, in the order given.</summary>
    public IReadOnlyList<BudgetEntry> Entries { get; }

    /// <summary>The band in parameters, [low, high]; null without a reference.</summary>
    public (long Low, long High)? Band => ReferenceParameters is { } r ? ((long)Math.Ceiling(r * (1 - Tolerance)), (long)Math.Floor(r * (1 + Tolerance))) : null;

    /// <summary>
    /// The budget of the <paramref name="selected"/> models; the reference's count comes from <paramref name="all"/> (the
    /// sample's whole table), so the band is the same whether or not <c>--models</c> selects the reference.
    /// </summary>
    public static ParameterBudget For<TDataset>(IReadOnlyList<ModelFlavors<TDataset>> all, IReadOnlyList<ModelFlavors<TDataset>> selected, string singleTaskModel)
        where TDataset : class
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(selected);
        long? reference = all.FirstOrDefault(c => c.Name == PaperModels.Reference)?.Parameters;
        return new ParameterBudget(selected.Select(c => (c.Name, c.Parameters)), reference, exempt: singleTaskModel);
    }

    /// <summary>A model's parameter count, or null when it is not in the budget or unknown.</summary>
    public long? ParametersOf(string model) => Entries.FirstOrDefault(e => e.Model == model)?.Parameters;

    /// <summary>The rule in one sentence, with the band in parameters.</summary>
    public string Rule => Band is { } band
        ? string.Create(CultureInfo.InvariantCulture,
            $"Budget: every multi-task model within ±{Tolerance:P0} of {Reference}'s {ReferenceParameters:N0} parameters ({band.Low:N0} to {band.High:N0}); the single-task baseline is exempt.")
        : $"Budget: no {Reference} model is declared, so no band can be checked.";

    /// <summary>One line per model that breaks the rule (outside the band, or of unknown size); empty when every model keeps it.</summary>
    public IEnumerable<string> Warnings()
    {
        if (ReferenceParameters is null)
        {
            yield return $"WARNING: no parameter budget: the sample declares no {Reference} model to center the band on.";
            yield break;
        }

        foreach (BudgetEntry entry in Entries)
        {
            if (entry.Status == BudgetStatus.Outside)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"WARNING: {entry.Model} has {entry.Parameters:N0} parameters, {entry.Ratio:P0} of {Reference}'s: outside the ±{Tolerance:P0} budget, so its comparison is not like for like.");
            }
            else if (entry.Status == BudgetStatus.Unknown)
            {
                yield return $"WARNING: {entry.Model}'s parameter count is unknown; the budget cannot be checked for it.";
            }
        }
    }

    /// <summary>The rule and every model as JSON: rule, reference, tolerance, band, and per model its parameters, ratio and status.</summary>
    public JsonObject ToJson()
    {
        var models = new JsonArray();
        foreach (BudgetEntry entry in Entries)
        {
            models.Add(new JsonObject
            {
                ["model"] = entry.Model,
                ["parameters"] = entry.Parameters,
                ["ratio_to_reference"] = entry.Ratio is { } ratio ? Math.Round(ratio, 4) : null,
                ["status"] = entry.Status.ToString().ToLowerInvariant(),
            });
        }

        return new JsonObject
        {
            ["rule"] = Rule,
            ["reference"] = Reference,
            ["reference_parameters"] = ReferenceParameters,
            ["tolerance"] = Tolerance,
            ["band"] = Band is { } band ? new JsonArray(band.Low, band.High) : null,
            ["models"] = models,
        };
    }

    /// <summary>A Markdown section: the rule, then a table of model, parameters, ratio to the reference and whether it is in the band.</summary>
    public string Markdown()
    {
        var sb = new StringBuilder("\n## Parameters\n\n").Append(Rule).Append(" Counts are the generator's `Architecture.TotalParameters`.\n\n");
        sb.Append("| Model | Parameters | vs ").Append(Reference).Append(" | In budget |\n|---|---:|---:|---|\n");
        foreach (BudgetEntry entry in Entries)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"| {entry.Model} | {(entry.Parameters is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "unknown")} | {(entry.Ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—")} | {StatusText(entry.Status)} |\n"));
        }

        foreach (string warning in Warnings())
        {
            sb.Append('\n').Append("**").Append(warning).Append("**\n");
        }

        return sb.ToString();
    }

    /// <summary>A status for a table cell.</summary>
    public static string StatusText(BudgetStatus status) => status switch
    {
        BudgetStatus.Reference => "reference",
        BudgetStatus.Exempt => "exempt (baseline)",
        BudgetStatus.Within => "yes",
        BudgetStatus.Outside => "NO",
        _ => "unknown",
    };

    private BudgetEntry Classify(string model, long? parameters, bool exempt)
    {
        double? ratio = parameters is { } n && ReferenceParameters is { } r ? (double)n / r : null;
        BudgetStatus status = model == Reference && parameters is not null ? BudgetStatus.Reference
            : exempt ? BudgetStatus.Exempt
            : ratio is null ? BudgetStatus.Unknown
            : Math.Abs(ratio.Value - 1) <= Tolerance + 1e-12 ? BudgetStatus.Within
            : BudgetStatus.Outside;
        return new BudgetEntry(model, parameters, ratio, status);
    }
}

/// <summary>One model of a <see cref="ParameterBudget"/>: its parameter count, ratio to the reference, and status.</summary>
public sealed record BudgetEntry(string Model, long? Parameters, double? Ratio, BudgetStatus Status);

/// <summary>Where a model stands against the budget.</summary>
public enum BudgetStatus
{
    /// <summary>The model the band is centered on.</summary>
    Reference,

    /// <summary>The single-task baseline: reported, not held to the band.</summary>
    Exempt,

    /// <summary>Inside the band.</summary>
    Within,

    /// <summary>Outside the band: the reports warn.</summary>
    Outside,

    /// <summary>No parameter count (or no reference): cannot be checked.</summary>
    Unknown,
}
