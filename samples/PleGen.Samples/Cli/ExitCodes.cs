namespace PleGen.Samples.Cli;

/// <summary>The exit codes of the sample programs, so scripts can tell what happened without reading the output.</summary>
public static class ExitCodes
{
    /// <summary>Every run finished and every report was written.</summary>
    public const int Success = 0;

    /// <summary>
    /// The experiment ran to its end, but a run failed (diverged, say) or a report file could not be written; the
    /// finished runs and the other files are kept, and the output says what failed.
    /// </summary>
    public const int Failures = 1;

    /// <summary>A bad option, input file or output folder: refused before any training, with a message saying why.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT, the shell's 128 + 2); finished runs are reported.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (the shell's 128 + 15); finished runs are reported.</summary>
    public const int Terminated = 143;
}
