using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PleGen.Samples.Reporting;
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
        Assert.Equal(20, document.Results.Rows.Count); // 2 correlations x 5 models x 2 tasks
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

        Assert.Contains("## PLE versus MMoE", File.ReadAllText(Path.Combine(output, "synthetic.md")));
        Assert.Contains("PLE gain", stdout);
    }

    [Fact]
    public void Ctrl_C_stops_cleanly_and_keeps_the_finished_runs()
    {
        using var folder = new TemporaryDirectory();
        string output = folder.File("out");
        // Every run trains all 30 epochs (patience 0), a few seconds each; the log shows where training is.
        using SampleProcess process = SampleProcess.Start("Synthetic", folder.Path,
            "--samples", "20000", "--correlations", "0.5", "--seeds", "1", "--epochs", "30", "--patience", "0", "--out", output);

        // Interrupt during the second run's first epochs: the first run has finished, the second has not.
        process.WaitForOutput("run 2/5: SharedBottom", TimeSpan.FromMinutes(2));
        process.WaitForOutput("epoch 1/30", TimeSpan.FromMinutes(1), after: "run 2/5: SharedBottom");
        process.Interrupt();
        int code = process.WaitForExit(Timeout);

        Assert.Equal(130, code);
        Assert.Contains("Stopping after the current mini-batch", process.Output);
        Assert.Contains("Interrupted: 1 of 5 runs finished.", process.Output);
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "synthetic.json")))!.AsObject();
        Assert.Equal("interrupted", json["status"]!.GetValue<string>());
        Assert.Equal(["SingleTask"], json["results"]!.AsArray().Select(r => r!["model"]!.GetValue<string>()).Distinct());
        Assert.Contains("**Interrupted:**", File.ReadAllText(Path.Combine(output, "synthetic.md")));
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
    public void Bad_correlations_are_refused_with_the_value_named()
    {
        using var folder = new TemporaryDirectory();
        var (code, _, stderr) = SampleProcess.Run("Synthetic", folder.Path, Timeout, "--correlations", "0,1.5");

        Assert.Equal(2, code);
        Assert.Contains("'1.5' is not a number in [-1, 1]", stderr);
    }
}
