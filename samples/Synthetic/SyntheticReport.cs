using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;
using PleGen.Samples.Reporting.Charts;

namespace PleGen.Samples.SyntheticSample;

/// <summary>
/// The synthetic experiment's files in the output folder: synthetic.json (results rows with correlation,
/// command line, versions, settings, parameter budget, seesaw verdicts, expert utilization, training curves), synthetic.md
/// (the table, the PLE-vs-MMoE check, the parameter budget and per correlation the seesaw table), one chart per task of the
/// MTL gain per correlation like the paper's Figure 7, and per correlation the seesaw picture of Figure 3
/// (<c>synthetic-seesaw-p0.5.svg</c>).
/// </summary>
public static class SyntheticReport
{
    /// <summary>The report's files (each written atomically and on its own) for an experiment that ended as <paramref name="outcome"/>.</summary>
    public static ReportFiles Files(string folder, ExperimentResults results, SyntheticExperimentOptions options, ParameterBudget budget, string commandLine, ExperimentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budget);
        ResultTable table = results.Table();
        SeesawComparison[] seesaws = Seesaws(table, budget).ToArray();
        ResultsDocument document = ResultsDocument.ForThisRun(table, commandLine)
            .WithExtra("status", outcome.StatusName())
            .WithExtra("settings", Settings(options))
            .WithExtra("parameters", budget.ToJson())
            .WithExtra("seesaw", new JsonArray(seesaws.Select(s => (JsonNode)s.ToJson()).ToArray()))
            .WithExtra("runs", results.RunsJson())
            .WithExtra("expert_utilization", results.ExpertUtilizationJson())
            .WithExtra("training_curves", results.TrainingCurvesJson());
        var files = new ReportFiles(folder)
            .Add("synthetic.json", () => ResultsJson.Serialize(document))
            .Add("synthetic.md", () => Markdown(table, seesaws, budget, options, commandLine, outcome));
        foreach (string task in SyntheticExperiment.TaskMetrics.Keys)
        {
            if (table.Rows.Any(r => r.Task == task && r.MtlGain.HasValue))
            {
                files.Add($"synthetic-mtl-gain-{task}.svg", () => ResultCharts.CorrelationBars(table, task, "mse", gain: true, title: $"{task}: MTL gain in test MSE by task correlation p").ToSvg());
            }
        }

        foreach (SeesawComparison seesaw in seesaws)
        {
            files.Add(SeesawFile(seesaw.Correlation!.Value), () => seesaw.Chart(SeesawTitle(seesaw.Correlation.Value)).ToSvg());
        }

        return files;
    }

    /// <summary>The seesaw comparison at every correlation where single-task and some multi-task model finished.</summary>
    public static IEnumerable<SeesawComparison> Seesaws(ResultTable table, ParameterBudget budget)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(budget);
        foreach (double p in table.Correlations)
        {
            if (SeesawComparison.From(table, SyntheticCandidates.SingleTask, budget.ParametersOf, p) is { } seesaw)
            {
                yield return seesaw;
            }
        }
    }

    /// <summary>The seesaw chart's file name at correlation <paramref name="p"/>, e.g. <c>synthetic-seesaw-p0.5.svg</c>.</summary>
    public static string SeesawFile(double p) => string.Create(CultureInfo.InvariantCulture, $"synthetic-seesaw-p{p:0.##}.svg");

    private static string SeesawTitle(double p) => string.Create(CultureInfo.InvariantCulture, $"Seesaw at p = {p:0.##}: test MSE of both tasks vs single-task");

    /// <summary>For every correlation and task where both ran: whether PLE's MTL gain is at least MMoE's (the paper's claim).</summary>
    public static IEnumerable<(double Correlation, string Task, double Ple, double Mmoe)> PleVersusMmoe(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (double p in table.Correlations)
        {
            foreach (string task in table.Tasks)
            {
                if (table.Find("PLE", task, "mse", p)?.MtlGain is { } ple && table.Find("MMoE", task, "mse", p)?.MtlGain is { } mmoe)
                {
                    yield return (p, task, ple, mmoe);
                }
            }
        }
    }

    private static string Markdown(ResultTable table, IReadOnlyList<SeesawComparison> seesaws, ParameterBudget budget, SyntheticExperimentOptions options, string commandLine, ExperimentOutcome outcome)
    {
        StringBuilder sb = ExperimentMarkdown.Begin("Synthetic data: MTL gain by task correlation", commandLine, outcome, string.Create(CultureInfo.InvariantCulture,
            $"Data: the MMoE paper's generator (d = 512, c = 1, m = 10, noise std 0.1), {options.Samples} samples per correlation split 80/10/10, data seed {options.DataSeed}. Training: {options.Training}."));
        sb.Append(MarkdownReport.Render(table));
        var checks = PleVersusMmoe(table).ToArray();
        if (checks.Length > 0)
        {
            sb.Append("\n## PLE versus MMoE\n\n| p | Task | PLE gain | MMoE gain | PLE ≥ MMoE |\n|---:|---|---:|---:|:---:|\n");
            foreach (var (p, task, ple, mmoe) in checks)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"| {p:0.##} | {task} | {ple:F4} | {mmoe:F4} | {(ple >= mmoe ? "yes" : "no")} |\n"));
            }
        }

        sb.Append(budget.Markdown());
        foreach (SeesawComparison seesaw in seesaws)
        {
            double p = seesaw.Correlation!.Value;
            sb.Append(seesaw.MarkdownSection(string.Create(CultureInfo.InvariantCulture, $"Seesaw at p = {p:0.##} (PLE Figure 3)"), SeesawFile(p), SyntheticCandidates.SingleTask, budget.ParametersOf));
        }

        return sb.ToString();
    }

    private static JsonObject Settings(SyntheticExperimentOptions options)
    {
        JsonObject settings = options.Training.ToJson("mean validation MSE over both tasks (SingleTask: one model per task, each on its own task's MSE); best epoch restored");
        settings["samples_per_correlation"] = options.Samples;
        settings["split"] = "80/10/10";
        settings["data_seed"] = options.DataSeed;
        settings["correlations"] = new JsonArray(options.Correlations.Select(p => (JsonNode)JsonValue.Create(p)).ToArray());
        settings["dimension"] = 512;
        return settings;
    }
}
