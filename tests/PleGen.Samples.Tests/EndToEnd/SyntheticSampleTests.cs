using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PleGen.Samples.Reporting;
using PleGen.Samples.SyntheticSample;
using Xunit;

namespace PleGen.Samples.Tests.EndToEnd;

/// <summary>The synthetic sample run as a program: small runs that write the reports, and Ctrl+C keeping finished runs.</summary>
public sealed class SyntheticSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_small_run_reports_mse_and_mtl_gain_per_correlation()
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout,
            "--samples", "3000", "--correlations", "0,1", "--seeds", "1", "--epochs", "2", "--quiet", "--out", output);

        Assert.True(code == 0, $"exit code {code}\n{stdout}\n{stderr}");
        ResultsDocument document = ResultsJson.Read(Path.Combine(output, "synthetic.json"));
        Assert.Equal([0.0, 1.0], document.Results.Correlations);
        int models = SyntheticCandidates.All.Count;
        Assert.Equal(2 * models * 2, document.Results.Rows.Count); // 2 correlations x every model x 2 tasks
        foreach (ResultRow row in document.Results.Rows)
        {
            Assert.Equal("mse", row.Metric);
            Assert.Contains(row.Task, new[] { "task1", "task2" });
            Assert.NotNull(row.Correlation);
            if (row.Model == "SingleTask")
            {
                Assert.Null(row.MtlGain);
            }
            else
            {
                ResultRow single = document.Results.Find("SingleTask", row.Task, "mse", row.Correlation)!;
                Assert.Equal(single.Mean - row.Mean, row.MtlGain!.Value, 12); // Eq. 11 for a lower-is-better metric
            }
        }

        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "synthetic.json")))!.AsObject();
        Assert.All(json["results"]!.AsArray(), r => Assert.NotNull(r!["correlation"]));
        Assert.Equal("complete", json["status"]!.GetValue<string>());
        Assert.Equal(3000, json["settings"]!["samples_per_correlation"]!.GetValue<int>());
        foreach (string chart in new[] { "synthetic-mtl-gain-task1.svg", "synthetic-mtl-gain-task2.svg" })
        {
            Assert.Equal("svg", XDocument.Load(Path.Combine(output, chart)).Root!.Name.LocalName);
        }

        string markdown = File.ReadAllText(Path.Combine(output, "synthetic.md"));
        Assert.Contains("## PLE versus MMoE", markdown);
        Assert.Contains("PLE gain", stdout);

        // The seesaw picture per correlation, its table beside it, and every model's parameter count in every report.
        foreach (string p in new[] { "0", "1" })
        {
            XDocument seesaw = XDocument.Load(Path.Combine(output, $"synthetic-seesaw-p{p}.svg"));
            Assert.Equal(models - 1, seesaw.Descendants().Count(e => (string?)e.Attribute("class") == "point")); // every multi-task model
            Assert.Equal(2, seesaw.Descendants().Count(e => (string?)e.Attribute("class") == "crosshair"));
            Assert.Contains($"## Seesaw at p = {p} (PLE Figure 3)", markdown);
            Assert.Contains($"![Seesaw at p = {p} (PLE Figure 3)](synthetic-seesaw-p{p}.svg)", markdown);
        }

        string pleParameters = SyntheticSample.SyntheticPle.Architecture.TotalParameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"| PLE | {pleParameters} | 100 % | reference |", markdown);
        Assert.Contains("Budget: every multi-task model within ±25 % of PLE's " + pleParameters, stdout);
        Assert.Matches(@"│\s*PLE\s*│\s*" + System.Text.RegularExpressions.Regex.Escape(pleParameters) + @"\s*│", stdout); // the console table's params column
        Assert.DoesNotContain("WARNING", stdout);
        // Where the paper-scale run is: the whole command on one line, to copy.
        Assert.Contains("\n  dotnet run -c Release --project samples/Synthetic -- --correlations 0,0.25,0.5,0.75,1 --seeds 5 --samples 1400000\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(SyntheticSample.SyntheticPle.Architecture.TotalParameters, json["parameters"]!["reference_parameters"]!.GetValue<long>());
        Assert.Equal(models, json["parameters"]!["models"]!.AsArray().Count);
        Assert.Equal(2, json["seesaw"]!.AsArray().Count);
    }

    [Fact]
    public void The_baselines_without_gates_train_with_the_single_task_baseline_added_and_every_report_names_them()
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        string[] named = ["CrossStitch", "Sluice", "AsymmetricSharing", "CustomizedSharing", "OMoE"];
        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout,
            "--models", string.Join(",", named), "--correlations", "0.5", "--seeds", "1", "--samples", "600", "--epochs", "2", "--quiet", "--out", output);

        Assert.True(code == 0, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains("--models: SingleTask trains too, as the baseline: the MTL gains and the seesaw picture are measured against it.", stdout);
        ResultsDocument document = ResultsJson.Read(Path.Combine(output, "synthetic.json"));
        string[] trained = ["SingleTask", "AsymmetricSharing", "CustomizedSharing", "CrossStitch", "Sluice", "OMoE"]; // the paper's order
        Assert.Equal(trained, document.Results.Models);
        Assert.All(document.Results.Rows.Where(r => r.Model != "SingleTask"), r => Assert.NotNull(r.MtlGain));

        // Their parameter counts in the console table, the Markdown and the JSON; the seesaw picture and table name every one.
        string markdown = File.ReadAllText(Path.Combine(output, "synthetic.md"));
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "synthetic.json")))!.AsObject();
        XDocument seesaw = XDocument.Load(Path.Combine(output, "synthetic-seesaw-p0.5.svg"));
        foreach (string model in trained)
        {
            long parameters = SyntheticCandidates.All.Single(c => c.Name == model).Parameters!.Value;
            string count = parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"│\s*" + model + @"\s*│\s*" + System.Text.RegularExpressions.Regex.Escape(count) + @"\s*│", stdout);
            Assert.Contains($"| {model} | {count} |", markdown);
            Assert.Equal(parameters, json["parameters"]!["models"]!.AsArray().Single(m => m!["model"]!.GetValue<string>() == model)!["parameters"]!.GetValue<long>());
            if (model != "SingleTask")
            {
                Assert.Single(seesaw.Descendants(), e => (string?)e.Attribute("class") == "point" && (string?)e.Attribute("data-model") == model);
                Assert.Equal(model, seesaw.Descendants().Single(e => e.Name.LocalName == "text" && (string?)e.Attribute("data-model") == model).Value);
            }
        }

        Assert.Contains("## Seesaw at p = 0.5 (PLE Figure 3)", markdown);
        Assert.Equal(["OMoE"], json["expert_utilization"]!.AsArray().Select(e => e!["model"]!.GetValue<string>()).Distinct()); // the only one with a gate
        Assert.DoesNotContain("WARNING", stdout);
    }

    [Theory]
    [InlineData("INT", 130)] // Ctrl+C
    [InlineData("TERM", 143)] // kill, docker stop, a job scheduler's time limit
    public void A_signal_stops_cleanly_and_keeps_the_finished_runs(string signal, int exitCode)
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        // Every run trains all 30 epochs (patience 0), a few seconds each; the log shows where training is.
        using SampleProcess process = SampleProcess.Start("Synthetic", folder.Path,
            "--samples", "20000", "--correlations", "0.5", "--seeds", "1", "--epochs", "30", "--patience", "0", "--out", output);

        // Interrupt during the second run's first epochs: the first run has finished, the second has not.
        int runs = SyntheticCandidates.All.Count;
        process.WaitForOutput($"run 2/{runs}: SharedBottom", TimeSpan.FromMinutes(2));
        process.WaitForOutput("epoch 1/30", TimeSpan.FromMinutes(1), after: $"run 2/{runs}: SharedBottom");
        process.Signal(signal);
        int code = process.WaitForExit(Timeout);

        Assert.True(code == exitCode, $"exit code {code}\n{process.Output}\n{process.Error}");
        Assert.Contains("stopping after the current mini-batch", process.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Interrupted: 1 of {runs} runs finished.", process.Output);
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "synthetic.json")))!.AsObject();
        Assert.Equal("interrupted", json["status"]!.GetValue<string>());
        Assert.Equal(["SingleTask"], json["results"]!.AsArray().Select(r => r!["model"]!.GetValue<string>()).Distinct());
        Assert.Contains("**Interrupted:**", File.ReadAllText(Path.Combine(output, "synthetic.md")));
    }

    [Fact]
    public void A_diverging_model_is_reported_as_failed_and_the_finished_runs_are_kept()
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        // At lr 5000 PLE's loss overflows to infinity in its first epochs; SingleTask's stays finite (if useless).
        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout,
            "--samples", "600", "--correlations", "0.5", "--seeds", "1", "--epochs", "2", "--lr", "5000", "--models", "SingleTask,PLE", "--quiet", "--out", output);

        Assert.True(code == 1, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains("PLE (p = 0.5, seed 1) failed", stdout);
        Assert.Contains("1 of 2 runs failed", stdout);
        Assert.DoesNotContain("   at ", stdout + stderr);
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "synthetic.json")))!.AsObject();
        Assert.Equal("complete_with_failures", json["status"]!.GetValue<string>());
        Assert.Equal(["SingleTask"], json["results"]!.AsArray().Select(r => r!["model"]!.GetValue<string>()).Distinct());
        JsonNode failed = Assert.Single(json["failed_runs"]!.AsArray())!;
        Assert.Equal(("PLE", 1UL, 0.5), (failed["model"]!.GetValue<string>(), failed["seed"]!.GetValue<ulong>(), failed["correlation"]!.GetValue<double>()));
        Assert.Contains("not finite", failed["error"]!.GetValue<string>());
        Assert.Equal(["SingleTask finished", "PLE failed"], json["runs"]!.AsArray().Select(r => $"{r!["model"]} {r["status"]}"));
        string markdown = File.ReadAllText(Path.Combine(output, "synthetic.md"));
        Assert.Contains("| PLE | task1 | mse | 0.5 | failed | — | 0 of 1 |", markdown);
        Assert.Contains("## Failed runs", markdown);
        Assert.Equal("PLE", Assert.Single(ResultsJson.Read(Path.Combine(output, "synthetic.json")).Results.Failures).Model);
    }

    [Theory]
    [InlineData("a-file", "is a file, not a folder")]
    [InlineData("a-file/reports", "cannot be created")]
    public void An_unusable_output_folder_is_refused_before_any_training(string output, string problem)
    {
        using var folder = new TemporaryDirectory();
        folder.WriteText("a-file", "not a folder");

        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout,
            "--samples", "600", "--correlations", "0.5", "--seeds", "1", "--epochs", "1", "--models", "SingleTask", "--out", folder.File(output));

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains($"--out {folder.File(output)} {problem}", stderr);
        Assert.DoesNotContain("run 1/", stdout);
        Assert.Equal("not a folder", File.ReadAllText(folder.File("a-file")));
    }

    [Fact]
    public void A_report_file_that_cannot_be_written_is_named_and_the_others_are_written()
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        Directory.CreateDirectory(Path.Combine(output, "synthetic.md")); // a folder where the Markdown report goes

        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout,
            "--samples", "600", "--correlations", "0.5", "--seeds", "1", "--epochs", "1", "--models", "SingleTask,PLE", "--quiet", "--out", output);

        Assert.True(code == 1, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains($"could not write {Path.Combine(output, "synthetic.md")}", stderr);
        Assert.Equal(2, ResultsJson.Read(Path.Combine(output, "synthetic.json")).Results.Models.Count);
        Assert.All(new[] { "synthetic-mtl-gain-task1.svg", "synthetic-mtl-gain-task2.svg" }, chart => Assert.True(File.Exists(Path.Combine(output, chart)), chart));
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories)); // atomic writes leave no temporary files
    }

    [Fact]
    public void Values_that_are_not_numbers_exit_2_naming_every_option_and_value_without_a_stack_trace()
    {
        using var folder = new TemporaryDirectory();
        string[] numeric = ["--epochs", "--batch-size", "--lr", "--patience", "--seeds", "--threads", "--samples", "--data-seed", "--correlations"];
        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout, numeric.SelectMany(o => new[] { o, "abc" }).ToArray());

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        string[] lines = stderr.Split('\n');
        Assert.All(numeric, o => Assert.Contains(lines, l => (l.StartsWith(o + " ", StringComparison.Ordinal) || l.StartsWith(o + ":", StringComparison.Ordinal)) && l.Contains("'abc'", StringComparison.Ordinal)));
        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void An_unknown_model_is_one_clear_error_listing_the_models_without_the_help_text()
    {
        using var folder = new TemporaryDirectory();
        var (code, stdout, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout, "--models", "PLE,XGBoost,Sluice,LightGBM");

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        const string trains = "this sample trains SingleTask, SharedBottom, AsymmetricSharing, CustomizedSharing, CrossStitch, Sluice, OMoE, MMoE, MultiLevelMmoe, CGC, PLE";
        Assert.Contains($"--models: 'XGBoost' is not a model name; {trains}.", stderr);
        Assert.Contains($"--models: 'LightGBM' is not a model name; {trains}.", stderr);
        Assert.DoesNotContain("'Sluice'", stderr);
        Assert.Contains("Run with --help to see every option.", stderr);
        Assert.DoesNotContain("--batch-size", stdout + stderr); // no help text around the error
        Assert.DoesNotContain("run 1/", stdout);
    }

    [Fact]
    public void Bad_correlations_are_refused_with_the_value_named()
    {
        using var folder = new TemporaryDirectory();
        var (code, _, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout, "--correlations", "0,1.5");

        Assert.Equal(2, code);
        Assert.Contains("'1.5' is not a number in [-1, 1]", stderr);
    }
}
