using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PleGen.Samples.Reporting;

/// <summary>
/// A results file: the result rows and failed runs plus optional context (command line, versions, date, machine) and any
/// extra top-level objects (expert utilization, training curves, ...), written by <see cref="ResultsJson"/>.
/// </summary>
public sealed record ResultsDocument
{
    /// <summary>Top-level names the document writes itself; extras may not use them.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = ["results", "failed_runs", "command_line", "versions", "date", "machine"];

    /// <summary>Creates a document of <paramref name="results"/>.</summary>
    public ResultsDocument(ResultTable results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
    }

    /// <summary>The result rows.</summary>
    public ResultTable Results { get; }

    /// <summary>The command that produced the results.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Versions of what ran (PleGen, .NET, ...).</summary>
    public IReadOnlyDictionary<string, string>? Versions { get; init; }

    /// <summary>When the results were produced.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The machine (OS, CPU, cores, SIMD).</summary>
    public IReadOnlyDictionary<string, string>? Machine { get; init; }

    /// <summary>More top-level fields, in the order given (names in snake_case by convention; not <see cref="ReservedNames"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Extra { get; init; } = [];

    /// <summary>A document stamped with this run: command line, versions, UTC date and machine from <see cref="RunEnvironment"/>.</summary>
    public static ResultsDocument ForThisRun(ResultTable results, string commandLine) => new(results)
    {
        CommandLine = commandLine,
        Versions = RunEnvironment.Versions(),
        Date = DateTimeOffset.UtcNow,
        Machine = RunEnvironment.Machine(),
    };

    /// <summary>A copy with one more extra field.</summary>
    public ResultsDocument WithExtra(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var extra = new List<KeyValuePair<string, JsonNode?>>(Extra) { new(name, value) };
        return this with { Extra = extra };
    }
}
