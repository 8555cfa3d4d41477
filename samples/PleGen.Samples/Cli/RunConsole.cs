using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Training;
using PleGen.Samples.Experiments;
using Spectre.Console;

namespace PleGen.Samples.Cli;

/// <summary>
/// Shows an experiment while it runs. On an interactive terminal: a live display with the overall progress and
/// the current run's epoch, batch, per-task loss (in the model's task order), samples/s and ETA, plus one line per finished run. With
/// --quiet or when output is redirected: plain log lines (per epoch unless quiet, and per finished run).
/// </summary>
public sealed class RunConsole : IExperimentDisplay
{
    private readonly IAnsiConsole _console;
    private readonly bool _live;
    private readonly bool _epochLines;
    private readonly IReadOnlyList<string> _tasks;
    private ProgressTask? _overall;
    private ProgressTask? _current;
    private long _lastRefreshTicks;
    private int _runsStarted;
    private int _runs;

    /// <summary>Creates the display for tasks named <paramref name="tasks"/> (in the model's order).</summary>
    public RunConsole(IReadOnlyList<string> tasks, bool quiet, IAnsiConsole? console = null)
    {
        _console = console ?? CreateConsole();
        _tasks = tasks;
        _live = !quiet && _console.Profile.Capabilities.Interactive;
        _epochLines = !quiet && !_live;
    }

    /// <summary>The console written to.</summary>
    public IAnsiConsole Console => _console;

    /// <summary>Runs <paramref name="work"/> under the display; <paramref name="runs"/> is the number of training runs it will do.</summary>
    public T Run<T>(int runs, Func<IExperimentDisplay, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        (_runs, _runsStarted) = (runs, 0);
        if (!_live)
        {
            return work(this);
        }

        return _console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn())
            .Start(context =>
            {
                _overall = context.AddTask("runs", maxValue: runs);
                _current = context.AddTask("starting", maxValue: 1);
                try
                {
                    return work(this);
                }
                finally
                {
                    _overall = _current = null;
                }
            });
    }

    /// <inheritdoc />
    public void RunStarted(string model, ulong seed, string label)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(label);
        // The runner announces runs one at a time; where a run stands in the whole experiment is counted here.
        int index = _runsStarted++, total = _runs;
        string title = label.Length == 0 ? $"{model}, seed {seed}" : $"{model}, {label}, seed {seed}";
        if (_overall is not null && _current is not null)
        {
            _overall.Description = Markup.Escape($"run {index + 1}/{total}: {title}");
            _overall.Value = index;
            _current.Description = "starting";
            _current.Value = 0;
        }
        else if (_epochLines)
        {
            _console.MarkupLineInterpolated($"[grey]run {index + 1}/{total}:[/] {title}");
        }
    }

    /// <inheritdoc />
    public void Progress(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_current is not null)
        {
            // Per-batch reports can arrive thousands of times a second; ten refreshes a second are plenty.
            long now = Environment.TickCount64;
            if (progress.CompletedEpoch is null && now - _lastRefreshTicks < 100)
            {
                return;
            }

            _lastRefreshTicks = now;
            _current.MaxValue = (double)progress.Epochs * progress.Batches;
            _current.Value = ((double)progress.Epoch * progress.Batches) + progress.Batch;
            // Kept short so the line fits an 80-column terminal: the run's title is on the line above.
            _current.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"epoch {progress.Epoch + 1}/{progress.Epochs} batch {progress.Batch}/{progress.Batches} loss {string.Join("/", progress.TaskLosses.Select(l => l.ToString("F3", CultureInfo.InvariantCulture)))} {progress.SamplesPerSecond / 1000:F0}k/s ETA {Eta(progress.Remaining)}"));
        }
        else if (_epochLines && progress.CompletedEpoch is { } epoch)
        {
            string validation = string.Join(", ", epoch.Validation.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F4}")));
            _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  epoch {epoch.Epoch + 1}/{progress.Epochs}: train loss {epoch.TrainLoss:F4} ({Losses(progress.TaskLosses)}), validation {validation}, {epoch.SamplesPerSecond:N0} samples/s"));
        }
    }

    /// <inheritdoc />
    public void RunFinished(SeedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _overall?.Increment(1);
        string metrics = string.Join(", ", run.TestMetrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Task} {m.Value:F4}")));
        string label = run.Label.Length == 0 ? string.Empty : run.Label + ", ";
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Model} ({label}seed {run.Seed}): test {metrics}; {BestEpochs(run)}, {run.Duration.TotalSeconds:F1} s"));
    }

    /// <inheritdoc />
    public void RunFailed(FailedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _overall?.Increment(1);
        string label = run.Label.Length == 0 ? string.Empty : run.Label + ", ";
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Model} ({label}seed {run.Seed}) failed after {run.Duration.TotalSeconds:F1} s: {run.ErrorType}: {run.Error}"));
    }

    /// <inheritdoc />
    public void Info(string message) => _console.WriteLine(message);

    // Redirected output is a log: no color codes, and lines as long as they are (no wrapping at 80 columns).
    private static IAnsiConsole CreateConsole()
    {
        if (!System.Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        return console;
    }

    private string Losses(IReadOnlyList<float> losses) =>
        string.Join(" ", losses.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{(i < _tasks.Count ? _tasks[i] : i.ToString(CultureInfo.InvariantCulture))} {l:F4}")));

    private static string Eta(TimeSpan remaining) =>
        remaining.TotalHours >= 1 ? remaining.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : remaining.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    // "best epoch 8 of 11", or per task for a model trained once per task.
    private static string BestEpochs(SeedRun run) => run.TaskHistories is null
        ? $"best epoch {run.History.BestEpoch + 1} of {run.History.Epochs.Count}"
        : "best epochs " + string.Join(", ", run.TaskHistories.Select(t => $"{t.Key} {t.Value.BestEpoch + 1} of {t.Value.Epochs.Count}"));
}
