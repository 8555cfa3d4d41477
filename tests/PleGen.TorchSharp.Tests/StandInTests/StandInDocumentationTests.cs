using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// docs/torchsharp-standin.md lists exactly the stand-in's declarations (as ApiListing writes them), states the
/// TorchSharp version they were read at and the emitter's rule, so the document cannot drift from the code.
/// </summary>
public sealed class StandInDocumentationTests
{
    private const string Begin = "<!-- stand-in members: begin -->";
    private const string End = "<!-- stand-in members: end -->";

    [Fact]
    public void The_documented_member_list_is_the_stand_in()
    {
        IReadOnlyList<string> documented = DocumentedLines(File.ReadAllText(DocumentPath()));
        IReadOnlyList<string> actual = ApiListing.Lines();

        string[] missing = actual.Except(documented).ToArray();
        string[] extra = documented.Except(actual).ToArray();
        Assert.True(documented.SequenceEqual(actual),
            "docs/torchsharp-standin.md does not list the stand-in as it is.\n"
            + $"In the stand-in, not in the document:\n  {string.Join("\n  ", missing)}\n"
            + $"In the document, not in the stand-in:\n  {string.Join("\n  ", extra)}\n"
            + $"After checking the change, replace the code block between the markers with:\n```text\n{string.Join("\n", actual)}\n```");
    }

    [Fact]
    public void The_document_states_the_verified_version_and_the_rule()
    {
        string document = File.ReadAllText(DocumentPath());

        Assert.Contains($"TorchSharp {StandInApi.VerifiedVersion}", document);
        Assert.Contains("the emitter may use only members present in the stand-in", document);
    }

    private static IReadOnlyList<string> DocumentedLines(string document)
    {
        int begin = document.IndexOf(Begin, StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"docs/torchsharp-standin.md must contain the markers {Begin} and {End} around the member list.");
        return document[(begin + Begin.Length)..end]
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("```", StringComparison.Ordinal))
            .ToArray();
    }

    private static string DocumentPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "torchsharp-standin.md"));
}
