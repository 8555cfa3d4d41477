using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text;
using System;
using PleGen.Runtime.Models;
using PleGen.Samples.Census;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting.Charts;
using PleGen.Samples.Reporting;

namespace PleGen.Samples.CensusSample;

/// <summary>
/// The census experiment's files in the output folder: census.json (results rows, command line, versions, data,
/// settings, parameter budget, seesaw verdicts, expert utilization, training curves), census.md (table, goal check, parameter
/// budget, seesaw table, expert utilization tables), and SVG charts: test AUC, MTL gain, the seesaw picture of the PLE
/// paper's Figure 3 (census-seesaw.svg), expert utilization of CGC and PLE, validation AUC per epoch per task.
/// </summary>
public static class CensusReport
{
    /// <summary>The gated models whose expert utilization gets a chart and a table.</summary>
    public static IReadOnlyList<string> UtilizationModels { get; } = ["CGC", "PLE"];

    /// <summary>The seesaw chart's file name.</summary>
    public const string SeesawFile = "census-seesaw.svg";

    /// <summary>The report's files (each written atomically and on its own) for an experiment that ended as <paramref name="outcome"/>.</summary>
    public static ReportFiles Files(string folder, ExperimentResults results, CensusData data, TrainingSettings training, ParameterBudget budget, string commandLine, ExperimentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(budget);
        ResultTable table = results.Table();
        SeesawComparison? seesaw = SeesawComparison.From(table, CensusCandidates.SingleTask, budget.ParametersOf);
        var charts = new List<(string Title, string File, Func<ISvgChart> Chart)>();
        if (table.Rows.Count > 0)
        {
            charts.Add(("Test AUC", "census-auc.svg", () => ResultCharts.MetricBars(table, "auc", "Census-income: test AUC (mean ± std over seeds)")));
        }

        if (table.Rows.Any(r => r.MtlGain.HasValue))
        {
            charts.Add(("MTL gain", "census-mtl-gain.svg", () => ResultCharts.GainBars(table, "auc", "Census-income: MTL gain in test AUC vs single-task")));
        }

        if (seesaw is not null)
        {
            charts.Add(("Seesaw", SeesawFile, () => seesaw.Chart("Census-income seesaw: test AUC of both tasks vs single-task")));
        }

        foreach (string model in UtilizationModels)
        {
            if (FirstGateReport(results, model) is { } report)
            {
                charts.Add(($"{model} expert utilization", $"census-expert-utilization-{model.ToLowerInvariant()}.svg",
                    () => ExpertUtilizationChart.FromGateReport(report.Report, $"{model}: expert utilization on the test set (seed {report.Seed})")));
            }
        }

        if (results.Runs.Count > 0)
        {
            foreach (string task in CensusExperiment.TaskMetrics.Keys)
            {
                charts.Add(($"Validation AUC per epoch, {task}", $"census-curves-{task}.svg", () => Curves(results, task)));
            }
        }

        ResultsDocument document = ResultsDocument.ForThisRun(table, commandLine)
            .WithExtra("status", outcome.StatusName())
            .WithExtra("data", DataJson(data))
            .WithExtra("settings", training.ToJson("mean validation AUC over both tasks (SingleTask: one model per task, each on its own task's AUC); best epoch restored"))
            .WithExtra("parameters", budget.ToJson())
            .WithExtra("seesaw", seesaw?.ToJson())
            .WithExtra("runs", results.RunsJson())
            .WithExtra("expert_utilization", results.ExpertUtilizationJson())
            .WithExtra("training_curves", results.TrainingCurvesJson());
        var files = new ReportFiles(folder)
            .Add("census.json", () => ResultsJson.Serialize(document))
            .Add("census.md", () => Markdown(table, results, data, training, budget, seesaw, commandLine, outcome, charts.Select(c => (c.Title, c.File)).ToArray()));
        foreach ((_, string file, Func<ISvgChart> chart) in charts)
        {
            files.Add(file, () => chart().ToSvg());
        }

        return files;
    }

    /// <summary>The paper's claims on this data, checked: PLE above single-task and MMoE on both tasks, and the AUC goals.</summary>
    public static IEnumerable<(string Claim, bool Holds)> GoalChecks(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (string task in CensusExperiment.TaskMetrics.Keys)
        {
            if (table.Find("PLE", task, "auc") is not { } ple)
            {
                continue;
            }

            foreach (string baseline in new[] { CensusCandidates.SingleTask, "MMoE" })
            {
                if (table.Find(baseline, task, "auc") is { } other)
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"{task}: PLE {ple.Mean:F4} > {baseline} {other.Mean:F4}"), ple.Mean > other.Mean);
                }
            }

            double goal = task == CensusLabels.IncomeTask ? 0.94 : 0.99;
            yield return (string.Create(CultureInfo.InvariantCulture, $"{task}: PLE {ple.Mean:F4} >= {goal:F2}"), ple.Mean >= goal);
        }
    }

    private static (GateReport Report, ulong Seed)? FirstGateReport(ExperimentResults results, string model) =>
        results.Runs.Where(r => r.Model == model && r.GateReport is not null).OrderBy(r => r.Seed).Select(r => ((GateReport, ulong)?)(r.GateReport!, r.Seed)).FirstOrDefault();

    private static LineChart Curves(ExperimentResults results, string task)
    {
        // One line per model: its first seed's validation AUC after every epoch (the restored best epoch is marked in the JSON).
        var series = results.Runs.GroupBy(r => r.Model)
            .Select(g => g.OrderBy(r => r.Seed).First())
            .Select(r => LineSeries.FromEpochs(r.Model, r.HistoryFor(task).Epochs.Select(e => e.Validation[task]).ToArray()))
            .ToArray();
        return new LineChart { Title = $"Census-income: validation AUC of {task} per epoch (first seed)", XAxisLabel = "epoch", YAxisLabel = "validation AUC", Series = series };
    }

    private static string Markdown(ResultTable table, ExperimentResults results, CensusData data, TrainingSettings training, ParameterBudget budget, SeesawComparison? seesaw, string commandLine, ExperimentOutcome outcome, IReadOnlyList<(string Title, string File)> charts)
    {
        StringBuilder sb = ExperimentMarkdown.Begin("Census-income: PLE and its baselines", commandLine, outcome, string.Create(CultureInfo.InvariantCulture,
            $"Data: {data.Description}; {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test rows. Training: {training}; early stopping on the mean validation AUC of both tasks, best epoch restored."));
        sb.Append(MarkdownReport.Render(table));
        var checks = GoalChecks(table).ToArray();
        if (checks.Length > 0)
        {
            sb.Append("\n## Goals\n\n");
            foreach (var (claim, holds) in checks)
            {
                sb.Append("- ").Append(holds ? "✔ " : "✘ ").Append(claim).Append('\n');
            }
        }

        sb.Append(budget.Markdown());
        if (seesaw is not null)
        {
            sb.Append(seesaw.MarkdownSection("Seesaw (PLE Figure 3)", SeesawFile, CensusCandidates.SingleTask, budget.ParametersOf));
        }

        foreach (string model in UtilizationModels)
        {
            if (FirstGateReport(results, model) is { } report)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"\n## {model}: expert utilization (test set, seed {report.Seed})\n\n"));
                sb.Append("| Gate | Expert | Mean weight | Std |\n|---|---|---:|---:|\n");
                foreach (GateUtilization gate in report.Report.Gates)
                {
                    for (int e = 0; e < gate.Experts.Count; e++)
                    {
                        sb.Append(string.Create(CultureInfo.InvariantCulture, $"| {gate.Gate} | {gate.Experts[e]} | {gate.Mean[e]:F4} | {gate.Std[e]:F4} |\n"));
                    }
                }
            }
        }

        sb.Append("\n## Charts\n\n");
        foreach (var (title, file) in charts)
        {
            sb.Append("- [").Append(title).Append("](").Append(file).Append(")\n");
        }

        return sb.ToString();
    }

    private static JsonObject DataJson(CensusData data) => new()
    {
        ["description"] = data.Description,
        ["train_rows"] = data.Train.Count,
        ["validation_rows"] = data.Validation.Count,
        ["test_rows"] = data.Test.Count,
        ["skipped_bad_rows"] = data.BadRows.Sum(b => b.Count),
    };

}
