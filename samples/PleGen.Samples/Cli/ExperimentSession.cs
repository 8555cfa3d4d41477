using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;

namespace PleGen.Samples.Cli;

/// <summary>
/// The part of a sample program after its options are read: run the experiment under the display with Ctrl+C and
/// SIGTERM stopping it cleanly, then print the table and the sample's checks and write its reports, also after an
/// interruption or failed runs (finished runs are kept; failed ones are marked). Exit code: 0; 1 when a run failed or a
/// report file could not be written; 130 after Ctrl+C, 143 after SIGTERM (the shell conventions, see <see cref="ExitCodes"/>).
/// </summary>
public static class ExperimentSession
{
    /// <summary>
    /// Runs <paramref name="experiment"/> (<paramref name="totalRuns"/> training runs adding to <paramref name="results"/>),
    /// then reports: <paramref name="checks"/> gives the lines printed under the table, <paramref name="reports"/> the
    /// files to write for how the experiment ended. <paramref name="budget"/>'s rule and warnings are printed before training
    /// and again under the table, whose rows show each model's parameter count; <paramref name="closing"/> (optional) gives
    /// the last lines, printed after the files are written.
    /// </summary>
    public static int Run(
        RunConsole console,
        ExperimentResults results,
        ParameterBudget budget,
        int totalRuns,
        Action<IExperimentDisplay, CancellationToken> experiment,
        Func<ResultTable, IEnumerable<string>> checks,
        Func<ExperimentOutcome, ReportFiles> reports,
        IEnumerable<string>? closing = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(budget);
        PrintBudget(console, budget);
        int? interrupted = null;
        using (var interruption = new Interruption(console.Info))
        {
            try
            {
                console.Run(totalRuns, observer =>
                {
                    experiment(observer, interruption.Token);
                    return 0;
                });
            }
            catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
            {
                interrupted = interruption.ExitCode;
                console.Info($"Interrupted: {results.Runs.Count} of {totalRuns} runs finished.");
            }
        }

        int failedRuns = results.Failures.Count, tried = results.Runs.Count + failedRuns;
        ExperimentOutcome outcome = interrupted is not null ? ExperimentOutcome.Interrupted
            : failedRuns > 0 ? ExperimentOutcome.CompleteWithFailures
            : ExperimentOutcome.Complete;
        if (tried == 0)
        {
            console.Info("No run finished; nothing to report.");
            return interrupted ?? ExitCodes.Success;
        }

        ResultTable table = results.Table();
        console.Console.Write(ResultTableView.Render(table, parameters: budget.ParametersOf));
        foreach (string line in checks(table))
        {
            console.Info(line);
        }

        PrintBudget(console, budget);

        if (failedRuns > 0)
        {
            console.Info($"{failedRuns} of {tried} runs failed; the reports mark them, and their means and MTL gains use the finished runs only.");
        }

        var (written, notWritten) = reports(outcome).WriteAll();
        foreach (string file in written)
        {
            console.Info($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
        }

        foreach ((string file, string reason) in notWritten)
        {
            Console.Error.WriteLine($"could not write {file}: {reason}");
        }

        if (notWritten.Count > 0)
        {
            Console.Error.WriteLine($"{notWritten.Count} of {written.Count + notWritten.Count} report files could not be written; the others are complete.");
        }

        foreach (string line in closing ?? [])
        {
            console.Info(line);
        }

        return interrupted ?? (failedRuns > 0 || notWritten.Count > 0 ? ExitCodes.Failures : ExitCodes.Success);
    }

    private static void PrintBudget(RunConsole console, ParameterBudget budget)
    {
        console.Info(budget.Rule);
        foreach (string warning in budget.Warnings())
        {
            console.Info(warning);
        }
    }
}
