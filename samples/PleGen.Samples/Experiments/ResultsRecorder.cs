using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Training;

namespace PleGen.Samples.Experiments;

/// <summary>
/// Adds every run that ends to an <see cref="ExperimentResults"/> before the display hears of it, so the results hold each
/// run the moment it ends, whatever happens to the runs after it (an interruption, say).
/// </summary>
internal sealed class ResultsRecorder(ExperimentResults results, double? correlation, IRunObserver display) : IRunObserver
{
    private readonly ExperimentResults _results = results ?? throw new ArgumentNullException(nameof(results));
    private readonly IRunObserver _display = display ?? throw new ArgumentNullException(nameof(display));

    public void RunStarted(string model, ulong seed, string label) => _display.RunStarted(model, seed, label);

    public void Progress(TrainingProgress progress) => _display.Progress(progress);

    public void RunFinished(SeedRun run)
    {
        _results.Add(run, correlation);
        _display.RunFinished(run);
    }

    public void RunFailed(FailedRun run)
    {
        _results.AddFailure(run, correlation);
        _display.RunFailed(run);
    }
}
