using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>What a display needs to follow an experiment: runs starting and finishing (or failing), and the trainer's progress in between.</summary>
public interface IRunObserver
{
    /// <summary>Run <paramref name="index"/> (0-based) of <paramref name="total"/> starts.</summary>
    void RunStarted(string title, int index, int total);

    /// <summary>The trainer reports a finished mini-batch or epoch.</summary>
    void Progress(TrainingProgress progress);

    /// <summary>A run finished (its test metrics are in).</summary>
    void RunFinished(SeedRun run);

    /// <summary>A run failed; the experiment goes on with the next one.</summary>
    void RunFailed(FailedRun run);

    /// <summary>A line of information (data loaded, files written...).</summary>
    void Info(string message);
}
