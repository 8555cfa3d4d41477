using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

public sealed class ResultsJsonTests
{
    private static ResultTable Table() => new ResultTable(
    [
        ResultRow.FromValues("Single-Task", "income", "auc", [0.94, 0.95]),
        ResultRow.FromValues("PLE", "income", "auc", [0.951, 0.953]),
        ResultRow.FromValues("PLE", "y1", "mse", [0.25, 0.27], correlation: 0.5),
    ]).WithMtlGains();

    [Fact]
    public void Rows_have_exactly_the_specified_fields_in_order()
    {
        string json = ResultsJson.Serialize(new ResultsDocument(Table()));
        using JsonDocument doc = JsonDocument.Parse(json);

        JsonElement[] results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(new[] { "results" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "model", "task", "metric", "values", "mean", "std", "mtl_gain" }, results[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "model", "task", "metric", "values", "mean", "std", "mtl_gain", "correlation" }, results[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal("PLE", results[1].GetProperty("model").GetString());
        Assert.Equal(new[] { 0.951, 0.953 }, results[1].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(0.952, results[1].GetProperty("mean").GetDouble(), 12);
        Assert.Equal(0.007, results[1].GetProperty("mtl_gain").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("mtl_gain").ValueKind);
        Assert.Equal(0.5, results[2].GetProperty("correlation").GetDouble());
    }

    [Fact]
    public void A_document_round_trips_through_a_file_with_its_metadata_and_extras()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File(Path.Combine("out", "results.json"));
        var curves = new Dictionary<string, double[]> { ["PLE"] = [0.7, 0.5, 0.45] };
        ResultsDocument document = new ResultsDocument(Table())
        {
            CommandLine = "dotnet run --project samples/CensusIncome -- --seeds 2",
            Versions = new Dictionary<string, string> { ["plegen"] = "0.1.0", ["dotnet"] = ".NET 10.0.0" },
            Date = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero),
            Machine = new Dictionary<string, string> { ["logical_cores"] = "2" },
        }.WithExtra("training_curves", ResultsJson.ToNode(curves)).WithExtra("note", JsonValue.Create("ünïcode & <tags>"));

        ResultsJson.Write(path, document);
        ResultsDocument back = ResultsJson.Read(path);

        Assert.Equal(document.Results.Rows.Select(r => (r.Model, r.Task, r.Metric, r.Mean, r.Std, r.MtlGain, r.Correlation)),
            back.Results.Rows.Select(r => (r.Model, r.Task, r.Metric, r.Mean, r.Std, r.MtlGain, r.Correlation)));
        Assert.Equal(document.Results.Rows.SelectMany(r => r.Values), back.Results.Rows.SelectMany(r => r.Values));
        Assert.Equal(document.CommandLine, back.CommandLine);
        Assert.Equal(document.Versions, back.Versions);
        Assert.Equal(document.Date, back.Date);
        Assert.Equal(document.Machine, back.Machine);
        Assert.Equal(new[] { "training_curves", "note" }, back.Extra.Select(e => e.Key));
        Assert.Equal(0.45, back.Extra[0].Value!["PLE"]![2]!.GetValue<double>());
        Assert.Equal("ünïcode & <tags>", back.Extra[1].Value!.GetValue<string>());
        using JsonDocument raw = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(new[] { "results", "command_line", "versions", "date", "machine", "training_curves", "note" }, raw.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-22T10:30:00+00:00", raw.RootElement.GetProperty("date").GetString());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind
    }

    [Fact]
    public void Failed_runs_are_written_after_the_rows_and_read_back()
    {
        var table = new ResultTable(Table().Rows, [new RunFailure("PLE", 3, 0.5, "loss is NaN"), new RunFailure("MMoE", 1, null, "out of memory")]);

        string json = ResultsJson.Serialize(new ResultsDocument(table) { CommandLine = "cmd" });
        ResultsDocument back = ResultsJson.Parse(json);

        using JsonDocument raw = JsonDocument.Parse(json);
        Assert.Equal(new[] { "results", "failed_runs", "command_line" }, raw.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "model", "seed", "correlation", "error" }, raw.RootElement.GetProperty("failed_runs")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(table.Failures, back.Results.Failures);
        Assert.Contains("'failed_runs'", Assert.Throws<ArgumentException>(() => ResultsJson.Serialize(new ResultsDocument(Table()).WithExtra("failed_runs", null))).Message);
    }

    [Fact]
    public void This_run_is_stamped_with_machine_and_versions()
    {
        ResultsDocument document = ResultsDocument.ForThisRun(Table(), "cmd");

        Assert.Contains("plegen", document.Versions!.Keys);
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Machine!["logical_cores"]);
        Assert.NotNull(document.Date);
    }

    [Fact]
    public void Reserved_extra_names_and_malformed_files_are_refused()
    {
        var reserved = new ResultsDocument(Table()).WithExtra("results", null);
        Assert.Contains("'results'", Assert.Throws<ArgumentException>(() => ResultsJson.Serialize(reserved)).Message);

        Assert.Contains("\"results\" array", Assert.Throws<FormatException>(() => ResultsJson.Parse("{\"rows\": []}")).Message);
        var missing = Assert.Throws<FormatException>(() => ResultsJson.Parse("{\"results\": [{\"model\": \"PLE\", \"task\": \"t\", \"metric\": \"auc\", \"values\": [1], \"std\": 0}]}", "r.json"));
        Assert.Contains("r.json: results[0]: \"mean\" is missing", missing.Message);
    }
}
