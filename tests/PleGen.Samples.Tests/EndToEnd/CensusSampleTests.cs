using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PleGen.Samples.Reporting;
using PleGen.Samples.Tests.Census;
using PleGen.Samples.Tests.Compression;
using Xunit;

namespace PleGen.Samples.Tests.EndToEnd;

/// <summary>The census sample run as a program on slices of the real file: it learns, writes its reports, and explains bad input.</summary>
public sealed class CensusSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [RequiresCensusDataFact]
    public void A_slice_trains_every_model_learns_and_writes_parseable_reports()
    {
        using var folder = new TemporaryDirectory();
        string slice = WriteSlice(folder, "slice.gz", 8000);
        string output = folder.File("results");

        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout,
            "--data", slice, "--seeds", "1", "--epochs", "2", "--batch-size", "128", "--quiet", "--out", output);

        Assert.True(code == 0, $"exit code {code}\n{stdout}\n{stderr}");
        ResultsDocument document = ResultsJson.Read(Path.Combine(output, "census.json"));
        string[] models = [.. CensusSample.CensusCandidates.All.Select(c => c.Name)];
        Assert.Equal(["SingleTask", "SharedBottom", "AsymmetricSharing", "CustomizedSharing", "CrossStitch", "Sluice", "OMoE", "MMoE", "MultiLevelMmoe", "CGC", "PLE"], models);
        Assert.Equal(models, document.Results.Models);
        Assert.Equal(["income", "never_married"], document.Results.Tasks);
        foreach (ResultRow row in document.Results.Rows)
        {
            Assert.Equal("auc", row.Metric);
            Assert.Single(row.Values);
            Assert.True(row.Task == "income" ? row.Mean > 0.85 : row.Mean > 0.95, $"{row.Model} {row.Task} AUC {row.Mean} on the slice");
            Assert.Equal(row.Model == "SingleTask", row.MtlGain is null);
        }

        Assert.Contains("--data", document.CommandLine);
        Assert.NotNull(document.Versions);
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "census.json")))!.AsObject();
        Assert.Equal("complete", json["status"]!.GetValue<string>());
        Assert.Equal(["OMoE", "MMoE", "MultiLevelMmoe", "CGC", "PLE"], json["expert_utilization"]!.AsArray().Select(e => e!["model"]!.GetValue<string>()));
        JsonArray pleGates = json["expert_utilization"]!.AsArray().Single(e => e!["model"]!.GetValue<string>() == "PLE")!["gates"]!.AsArray();
        Assert.Equal(["gates.income.0", "gates.never_married.0", "shared_gates.0", "gates.income.1", "gates.never_married.1"], pleGates.Select(g => g!["gate"]!.GetValue<string>()));
        foreach (JsonNode? gate in pleGates)
        {
            double sum = gate!["experts"]!.AsArray().Sum(e => e!["mean"]!.GetValue<double>());
            Assert.InRange(sum, 0.999, 1.001); // softmax weights: their means add up to one
        }

        Assert.Equal(models.Length, json["training_curves"]!.AsArray().Count);
        Assert.Equal(models.Length, json["parameters"]!["models"]!.AsArray().Count);
        Assert.Equal(models.Length - 1, json["seesaw"]!["models"]!.AsArray().Count);
        foreach (string chart in new[] { "census-auc.svg", "census-mtl-gain.svg", "census-seesaw.svg", "census-expert-utilization-cgc.svg", "census-expert-utilization-ple.svg", "census-curves-income.svg", "census-curves-never_married.svg" })
        {
            Assert.Equal("svg", XDocument.Load(Path.Combine(output, chart)).Root!.Name.LocalName);
        }

        string markdown = File.ReadAllText(Path.Combine(output, "census.md"));
        Assert.Contains("| PLE | income | auc |", markdown);
        Assert.Contains("## PLE: expert utilization", markdown);
        Assert.Contains("## Seesaw (PLE Figure 3)", markdown);
        Assert.Contains("![Seesaw (PLE Figure 3)](census-seesaw.svg)", markdown);
        Assert.Contains("| Model | Params | income AUC | never_married AUC | Better than SingleTask on both |", markdown);
        Assert.Contains("## Parameters", markdown);
        Assert.DoesNotContain("WARNING", stdout);
        Assert.Contains("PLE", stdout);
        Assert.Empty(Directory.GetFiles(output, "*.tmp")); // atomic writes leave no temporary files
    }

    [RequiresCensusDataFact]
    public void A_malformed_row_stops_the_run_with_its_line_number_or_is_skipped_and_counted()
    {
        using var folder = new TemporaryDirectory();
        string[] lines = SliceLines(3000);
        lines[56] = string.Join(", ", lines[56].Split(", ").Take(20)); // line 57: 20 fields instead of 42
        string slice = folder.WriteText("bad.txt", string.Join("\n", lines) + "\n");

        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--data", slice, "--seeds", "1", "--epochs", "1", "--quiet", "--out", folder.File("strict"));
        Assert.Equal(2, code);
        Assert.Contains("line 57", stderr);
        Assert.Contains("bad.txt", stderr);
        Assert.Contains("pass --skip-bad-rows to skip and count malformed rows", stderr);
        Assert.False(Directory.Exists(folder.File("strict")), stdout);

        (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--data", slice, "--skip-bad-rows", "--seeds", "1", "--epochs", "1", "--quiet", "--out", folder.File("lenient"));
        Assert.True(code == 0, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains("skipped 1 malformed row; first: line 57", stdout);
        Assert.Equal(1, JsonNode.Parse(File.ReadAllText(folder.File("lenient/census.json")))!["data"]!["skipped_bad_rows"]!.GetValue<int>());
    }

    [Fact]
    public void A_truncated_gzip_stops_the_run_before_training_even_when_skipping_bad_rows()
    {
        using var folder = new TemporaryDirectory();
        string[] rows = Enumerable.Range(0, 5000).Select(i => CensusLines.Row(20 + (i % 60), i % 2 == 0 ? "Children" : "High school graduate", i % 3 == 0, i % 7 == 0)).ToArray();
        (byte[] gzip, int flushPoint) = GzipBytes.WithFlushPoint(CensusLines.File(rows), CensusLines.File(rows[..1250]).Length);
        string cut = folder.File("census-income.test.gz");
        File.WriteAllBytes(cut, gzip[..flushPoint]); // 1,250 of 5,000 rows, cut where a download could stop

        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout,
            "--data", cut, "--skip-bad-rows", "--models", "SingleTask", "--seeds", "1", "--epochs", "1", "--quiet", "--out", folder.File("out"));

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains("census-income.test.gz: the file ends before its gzip trailer: it is truncated or still downloading; download it again", stderr);
        Assert.DoesNotContain("SingleTask (seed 1)", stdout);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused_before_training()
    {
        using var folder = new TemporaryDirectory();
        string data = folder.WriteText("census.txt", CensusLines.File(Enumerable.Range(0, 300).Select(i => CensusLines.Row(20 + (i % 50), "Children", i % 2 == 0, i % 5 == 0))));
        string taken = folder.WriteText("results", "not a folder");

        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--data", data, "--models", "SingleTask", "--seeds", "1", "--epochs", "1", "--out", taken);

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains($"--out {taken} is a file, not a folder", stderr);
        Assert.DoesNotContain("SingleTask (seed 1)", stdout);
        Assert.Equal("not a folder", File.ReadAllText(taken));
    }

    [Fact]
    public void A_missing_data_file_says_where_to_get_it_and_which_option_to_pass()
    {
        using var folder = new TemporaryDirectory();
        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--data", folder.File("nowhere.gz"));

        Assert.Equal(2, code);
        Assert.Contains("nowhere.gz", stderr);
        Assert.Contains("UCI", stderr);
        Assert.Contains("--data PATH", stderr);
        Assert.Contains("--train PATH --test PATH", stderr);
        Assert.DoesNotContain("Exception", stderr + stdout);
    }

    [Fact]
    public void The_same_file_as_train_and_test_is_refused_before_reading_it()
    {
        using var folder = new TemporaryDirectory();
        string file = folder.WriteText("census.txt", CensusLines.File([CensusLines.Row()]));
        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--train", file, "--test", file, "--out", folder.File("out"));

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        Assert.Contains($"--train and --test are the same file ({file})", stderr);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void Help_explains_every_option()
    {
        using var folder = new TemporaryDirectory();
        var (code, stdout, _) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--help");

        Assert.Equal(0, code);
        foreach (string option in new[] { "--data", "--train", "--test", "--skip-bad-rows", "--split-seed", "--epochs", "--batch-size", "--lr", "--optimizer", "--patience", "--seeds", "--backend", "--threads", "--out", "--quiet" })
        {
            string line = stdout.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal)) ?? string.Empty;
            Assert.True(line.Trim().Length > option.Length + 10, $"{option} has no description in --help:\n{stdout}");
        }
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_option_named()
    {
        using var folder = new TemporaryDirectory();
        var (code, _, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, "--epochs", "0", "--lr", "-1");

        Assert.Equal(2, code);
        Assert.Contains("--epochs must be at least 1", stderr);
        Assert.Contains("--lr must be a positive number", stderr);
    }

    [Fact]
    public void Values_that_are_not_numbers_exit_2_naming_every_option_and_value_without_a_stack_trace()
    {
        using var folder = new TemporaryDirectory();
        string[] numeric = ["--epochs", "--batch-size", "--lr", "--patience", "--seeds", "--threads", "--split-seed"];
        var (code, stdout, stderr) = SampleProcess.Run("CensusIncome", folder.Path, Timeout, numeric.SelectMany(o => new[] { o, "abc" }).ToArray());

        Assert.True(code == 2, $"exit code {code}\n{stdout}\n{stderr}");
        string[] lines = stderr.Split('\n');
        Assert.All(numeric, o => Assert.Contains(lines, l => l.StartsWith(o + " ", StringComparison.Ordinal) && l.Contains("'abc'", StringComparison.Ordinal)));
        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static string[] SliceLines(int rows)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(RealCensusFile.Path!), CompressionMode.Decompress));
        return Enumerable.Range(0, rows).Select(_ => reader.ReadLine()!).ToArray();
    }

    private static string WriteSlice(TemporaryDirectory folder, string name, int rows) =>
        folder.WriteGzip(name, string.Join("\n", SliceLines(rows)) + "\n");
}
