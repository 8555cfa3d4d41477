using System;

namespace PleGen.Runtime.Gradients;

/// <summary>
/// The extent of an <see cref="Autograd.NoGrad"/> block; disposing restores the recording state it found, so a
/// second dispose (or a default instance) changes nothing. A struct: entering inference mode allocates nothing.
/// </summary>
public readonly struct NoGradScope : IDisposable
{
    private readonly int _depthBefore;
    private readonly bool _active;

    internal NoGradScope(int depthBefore)
    {
        _depthBefore = depthBefore;
        _active = true;
    }

    /// <summary>Restores gradient recording as it was before the scope.</summary>
    public void Dispose()
    {
        if (_active)
        {
            GradientMode.Restore(_depthBefore);
        }
    }
}
