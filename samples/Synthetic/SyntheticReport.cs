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
/// command line, versions, settings, expert utilization, training curves), synthetic.md (the table and the
/// PLE-vs-MMoE check) and one chart per task of the MTL gain per correlation like the paper's Figure 7.
/// </summary>
public static class SyntheticReport
{
    /// <summary>The report's files (each written atomically and on its own) for an experiment that ended as <paramref name="outcome"/>.</summary>
    public static ReportFiles Files(string folder, ExperimentResults results, SyntheticExperimentOptions options, string commandLine, ExperimentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        ResultTable table = results.Table();
        ResultsDocument document = ResultsDocument.ForThisRun(table, commandLine)
            .WithExtra("status", outcome.StatusName())
            .WithExtra("settings", Settings(options))
            .WithExtra("runs", results.RunsJson())
            .WithExtra("expert_utilization", results.ExpertUtilizationJson())
            .WithExtra("training_curves", results.TrainingCurvesJson());
        var files = new ReportFiles(folder)
            .Add("synthetic.json", () => ResultsJson.Serialize(document))
            .Add("synthetic.md", () => Markdown(table, options, commandLine, outcome));
        foreach (string task in SyntheticExperiment.TaskMetrics.Keys)
        {
            if (table.Rows.Any(r => r.Task == task && r.MtlGain.HasValue))
            {
                files.Add($"synthetic-mtl-gain-{task}.svg", () => ResultCharts.CorrelationBars(table, task, "mse", gain: true, title: $"{task}: MTL gain in test MSE by task correlation p").ToSvg());
            }
        }

        return files;
    }

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

    private static string Markdown(ResultTable table, SyntheticExperimentOptions options, string commandLine, ExperimentOutcome outcome)
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
