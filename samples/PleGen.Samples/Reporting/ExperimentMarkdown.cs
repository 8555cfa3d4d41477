using System;
using System.Text;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.Reporting;

/// <summary>The opening of an experiment's Markdown report: title, a notice when it was interrupted or runs failed, the command that repeats the run and what was run.</summary>
public static class ExperimentMarkdown
{
    /// <summary>A builder holding the report's opening, ready for the table.</summary>
    public static StringBuilder Begin(string title, string commandLine, ExperimentOutcome outcome, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var sb = new StringBuilder();
        sb.Append("# ").Append(title).Append("\n\n");
        sb.Append(outcome switch
        {
            ExperimentOutcome.Interrupted => "**Interrupted:** only the runs that finished are reported.\n\n",
            ExperimentOutcome.CompleteWithFailures => "**Some runs failed:** they are listed under Failed runs; the tables and MTL gains report the finished runs only.\n\n",
            _ => string.Empty,
        });
        sb.Append("Command: `").Append(commandLine).Append("`\n\n");
        sb.Append(description).Append("\n\n");
        return sb;
    }
}
