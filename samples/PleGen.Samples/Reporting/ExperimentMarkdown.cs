using System;
using System.Text;

namespace PleGen.Samples.Reporting;

/// <summary>The opening of an experiment's Markdown report: title, an interruption notice, the command that repeats the run and what was run.</summary>
public static class ExperimentMarkdown
{
    /// <summary>A builder holding the report's opening, ready for the table.</summary>
    public static StringBuilder Begin(string title, string commandLine, bool complete, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var sb = new StringBuilder();
        sb.Append("# ").Append(title).Append("\n\n");
        if (!complete)
        {
            sb.Append("**Interrupted:** only the runs that finished are reported.\n\n");
        }

        sb.Append("Command: `").Append(commandLine).Append("`\n\n");
        sb.Append(description).Append("\n\n");
        return sb;
    }
}
