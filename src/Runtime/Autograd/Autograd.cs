using System;

namespace PleGen.Runtime;

/// <summary>Switches for gradient recording.</summary>
public static class Autograd
{
    /// <summary>Whether ops on this thread record a graph (false inside <see cref="NoGrad"/>).</summary>
    public static bool IsEnabled => Tape.IsRecording;

    /// <summary>
    /// Inference mode until disposed: ops record nothing and allocate no graph, and their results do not require
    /// gradients. <c>using (Autograd.NoGrad()) { ... }</c>
    /// </summary>
    public static IDisposable NoGrad()
    {
        Tape.Disable();
        return new NoGradScope();
    }

    private sealed class NoGradScope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Tape.Enable();
            }
        }
    }
}
