using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace PleGen.Samples.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (kill, docker stop, a scheduler's time limit) as a cancellation token: the first signal
/// asks the experiment to stop after the current mini-batch, so finished runs are kept and reported; a second one ends
/// the process at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly Action<string> _notify;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signalled;

    /// <summary>Starts listening for SIGINT and SIGTERM; <paramref name="notify"/> tells the user what happens.</summary>
    public Interruption(Action<string> notify)
    {
        _notify = notify ?? throw new ArgumentNullException(nameof(notify));
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal cannot send it either.
            }
        }
    }

    /// <summary>Cancelled on the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that asked to stop, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>The exit code for how the experiment was stopped: <see cref="ExitCodes.Terminated"/> for SIGTERM, else <see cref="ExitCodes.Interrupted"/>.</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 1)
        {
            return; // the second signal: its default action ends the process
        }

        context.Cancel = true;
        Signal = context.Signal;
        _notify(context.Signal == PosixSignal.SIGTERM
            ? "SIGTERM: stopping after the current mini-batch; finished runs will be reported. Send it again to quit at once."
            : "Stopping after the current mini-batch; finished runs will be reported. Press Ctrl+C again to quit at once.");
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The experiment ended as the signal came in.
        }
    }
}
