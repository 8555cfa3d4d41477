namespace PleGen.Runtime.Experiments;

/// <summary>What a display or log needs to follow an experiment: runs starting and finishing (or failing), and the trainer's progress in between.</summary>
public interface IRunObserver
{
    /// <summary>A run of <paramref name="model"/> with <paramref name="seed"/> starts; <paramref name="label"/> says what it is about besides model and seed, or is empty.</summary>
    void RunStarted(string model, ulong seed, string label);

    /// <summary>The trainer reports a finished mini-batch or epoch.</summary>
    void Progress(TrainingProgress progress);

    /// <summary>A run finished (its test metrics are in).</summary>
    void RunFinished(SeedRun run);

    /// <summary>A run failed; the experiment goes on with the next one.</summary>
    void RunFailed(FailedRun run);
}
