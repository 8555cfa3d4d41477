namespace PleGen.Samples.Experiments;

/// <summary>How an experiment ended, as its reports say it.</summary>
public enum ExperimentOutcome
{
    /// <summary>Every run finished.</summary>
    Complete,

    /// <summary>Every run was tried; some failed (diverged, say) and are reported as failed.</summary>
    CompleteWithFailures,

    /// <summary>Stopped by a signal (Ctrl+C, SIGTERM) before every run was tried.</summary>
    Interrupted,
}

/// <summary>The name of an <see cref="ExperimentOutcome"/> in results files.</summary>
public static class ExperimentOutcomeNames
{
    /// <summary>"complete", "complete_with_failures" or "interrupted" (the "status" of a results file).</summary>
    public static string StatusName(this ExperimentOutcome outcome) => outcome switch
    {
        ExperimentOutcome.Complete => "complete",
        ExperimentOutcome.CompleteWithFailures => "complete_with_failures",
        _ => "interrupted",
    };
}
