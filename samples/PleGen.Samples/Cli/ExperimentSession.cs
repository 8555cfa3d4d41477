using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;

namespace PleGen.Samples.Cli;

/// <summary>
/// The part of a sample program after its options are read: run the experiment under the display with Ctrl+C
/// stopping it cleanly, then print the table and the sample's checks and write its reports, also after an
/// interruption (finished runs are kept). Exit code 0, or 130 when interrupted (the shell convention for SIGINT).
/// </summary>
public static class ExperimentSession
{
    /// <summary>Exit code of an interrupted run.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>
    /// Runs <paramref name="experiment"/> (<paramref name="totalRuns"/> training runs adding to <paramref name="results"/>),
    /// then reports: <paramref name="checks"/> gives the lines printed under the table, <paramref name="writeReports"/>
    /// writes the files (argument: whether the experiment completed) and returns their paths.
    /// </summary>
    public static int Run(
        RunConsole console,
        ExperimentResults results,
        int totalRuns,
        Action<IRunObserver, CancellationToken> experiment,
        Func<ResultTable, IEnumerable<string>> checks,
        Func<bool, IReadOnlyList<string>> writeReports)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(writeReports);
        bool complete = true;
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
            catch (OperationCanceledException)
            {
                complete = false;
                console.Info($"Interrupted: {results.Runs.Count} of {totalRuns} runs finished.");
            }
        }

        int exitCode = complete ? 0 : InterruptedExitCode;
        if (results.Runs.Count == 0)
        {
            console.Info("No run finished; nothing to report.");
            return exitCode;
        }

        ResultTable table = results.Table();
        console.Console.Write(ResultTableView.Render(table));
        foreach (string line in checks(table))
        {
            console.Info(line);
        }

        foreach (string file in writeReports(complete))
        {
            console.Info($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
        }

        return exitCode;
    }
}
