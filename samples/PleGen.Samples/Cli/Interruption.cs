using System;
using System.Threading;

namespace PleGen.Samples.Cli;

/// <summary>
/// Ctrl+C as a cancellation token: the first press asks the experiment to stop after the current mini-batch (so
/// finished runs are kept and reported); a second press ends the process at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly Action<string> _notify;

    /// <summary>Starts listening for Ctrl+C; <paramref name="notify"/> tells the user what happens.</summary>
    public Interruption(Action<string> notify)
    {
        _notify = notify;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled on the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _notify("Stopping after the current mini-batch; finished runs will be reported. Press Ctrl+C again to quit at once.");
        _source.Cancel();
    }
}
