using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PleGen.Samples.Reporting;

/// <summary>
/// Writes and reads results files:
/// <c>{"results": [{"model": "PLE", "task": "income", "metric": "auc", "values": [...], "mean": ..., "std": ..., "mtl_gain": ...}, ...], ...}</c>
/// with <c>"correlation": p</c> on synthetic rows, <c>"mtl_gain": null</c> where there is none, then, when runs failed,
/// <c>"failed_runs": [{"model": "PLE", "seed": 3, "error": "..."}, ...]</c> (their values are in no row), then the optional
/// <c>command_line</c>, <c>versions</c>, <c>date</c>, <c>machine</c> and the extra fields. Files are written atomically.
/// </summary>
public static class ResultsJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions NodeOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ResultsDocument document) => AtomicFile.WriteAllText(path, Serialize(document));

    /// <summary>The JSON text of <paramref name="document"/>.</summary>
    public static string Serialize(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach ((string name, _) in document.Extra)
        {
            if (ResultsDocument.ReservedNames.Contains(name))
            {
                throw new ArgumentException($"Extra field '{name}' would overwrite a field the results file writes itself ({string.Join(", ", ResultsDocument.ReservedNames)}); rename it.", nameof(document));
            }
        }

        if (document.Extra.Select(kv => kv.Key).Distinct().Count() != document.Extra.Count)
        {
            throw new ArgumentException("Two extra fields have the same name; JSON objects need unique names.", nameof(document));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (ResultRow row in document.Results.Rows)
            {
                WriteRow(json, row);
            }

            json.WriteEndArray();
            if (document.Results.Failures.Count > 0)
            {
                json.WriteStartArray("failed_runs");
                foreach (RunFailure failure in document.Results.Failures)
                {
                    WriteFailure(json, failure);
                }

                json.WriteEndArray();
            }

            if (document.CommandLine is not null)
            {
                json.WriteString("command_line", document.CommandLine);
            }

            WriteStrings(json, "versions", document.Versions);
            if (document.Date is { } date)
            {
                json.WriteString("date", date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            }

            WriteStrings(json, "machine", document.Machine);
            foreach ((string name, JsonNode? value) in document.Extra)
            {
                json.WritePropertyName(name);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a results file back.</summary>
    public static ResultsDocument Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses results JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ResultsDocument Parse(string json, string source = "results JSON")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON ({e.Message}).", e);
        }

        if (root is not JsonObject top || top["results"] is not JsonArray results)
        {
            throw new FormatException($"{source}: expected an object with a \"results\" array.");
        }

        var rows = new List<ResultRow>();
        for (int i = 0; i < results.Count; i++)
        {
            rows.Add(ReadRow(results[i] as JsonObject ?? throw new FormatException($"{source}: results[{i}] is not an object."), $"{source}: results[{i}]"));
        }

        var failures = new List<RunFailure>();
        if (top["failed_runs"] is { } failedRuns)
        {
            JsonArray array = failedRuns as JsonArray ?? throw new FormatException($"{source}: \"failed_runs\" is not an array.");
            for (int i = 0; i < array.Count; i++)
            {
                failures.Add(ReadFailure(array[i] as JsonObject ?? throw new FormatException($"{source}: failed_runs[{i}] is not an object."), $"{source}: failed_runs[{i}]"));
            }
        }

        var extra = new List<KeyValuePair<string, JsonNode?>>();
        foreach ((string name, JsonNode? value) in top)
        {
            if (!ResultsDocument.ReservedNames.Contains(name))
            {
                extra.Add(new(name, value?.DeepClone()));
            }
        }

        return new ResultsDocument(new ResultTable(rows, failures))
        {
            CommandLine = top["command_line"]?.GetValue<string>(),
            Versions = ReadStrings(top["versions"]),
            Date = top["date"] is { } date ? DateTimeOffset.Parse(date.GetValue<string>(), CultureInfo.InvariantCulture) : null,
            Machine = ReadStrings(top["machine"]),
            Extra = extra,
        };
    }

    /// <summary>
    /// Any object as a JSON node with snake_case property names, for <see cref="ResultsDocument.Extra"/>
    /// (e.g. a GateReport for expert utilization, or training curves).
    /// </summary>
    public static JsonNode? ToNode(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), NodeOptions);

    private static void WriteRow(Utf8JsonWriter json, ResultRow row)
    {
        json.WriteStartObject();
        json.WriteString("model", row.Model);
        json.WriteString("task", row.Task);
        json.WriteString("metric", row.Metric);
        json.WriteStartArray("values");
        foreach (double value in row.Values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteNumber("mean", row.Mean);
        json.WriteNumber("std", row.Std);
        if (row.MtlGain is { } gain)
        {
            json.WriteNumber("mtl_gain", gain);
        }
        else
        {
            json.WriteNull("mtl_gain");
        }

        if (row.Correlation is { } correlation)
        {
            json.WriteNumber("correlation", correlation);
        }

        json.WriteEndObject();
    }

    private static ResultRow ReadRow(JsonObject row, string where)
    {
        try
        {
            double[] values = (row["values"] as JsonArray ?? throw new FormatException($"{where}: \"values\" is missing or not an array."))
                .Select(v => v!.GetValue<double>()).ToArray();
            return new ResultRow(
                Required(row, "model", where).GetValue<string>(),
                Required(row, "task", where).GetValue<string>(),
                Required(row, "metric", where).GetValue<string>(),
                values,
                Required(row, "mean", where).GetValue<double>(),
                Required(row, "std", where).GetValue<double>(),
                row["mtl_gain"]?.GetValue<double>(),
                row["correlation"]?.GetValue<double>());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static void WriteFailure(Utf8JsonWriter json, RunFailure failure)
    {
        json.WriteStartObject();
        json.WriteString("model", failure.Model);
        json.WriteNumber("seed", failure.Seed);
        if (failure.Correlation is { } correlation)
        {
            json.WriteNumber("correlation", correlation);
        }

        json.WriteString("error", failure.Error);
        json.WriteEndObject();
    }

    private static RunFailure ReadFailure(JsonObject failure, string where)
    {
        try
        {
            return new RunFailure(
                Required(failure, "model", where).GetValue<string>(),
                Required(failure, "seed", where).GetValue<ulong>(),
                failure["correlation"]?.GetValue<double>(),
                Required(failure, "error", where).GetValue<string>());
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static JsonNode Required(JsonObject row, string name, string where) =>
        row[name] ?? throw new FormatException($"{where}: \"{name}\" is missing.");

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        json.WriteStartObject(name);
        foreach ((string key, string value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static IReadOnlyDictionary<string, string>? ReadStrings(JsonNode? node) =>
        node is JsonObject obj ? obj.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? string.Empty) : null;
}
