using System;

namespace PleGen.Runtime.Experiments;

/// <summary>
/// One freshly initialized model of a comparison, ready for the <see cref="Trainer{TDataset}"/>: its session over the
/// experiment's data, how to attach a gate recorder (null for models without gates), and what to free afterwards (a
/// TorchSharp model and its optimizer hold native memory).
/// </summary>
public sealed class ModelRun<TDataset> : IDisposable
{
    private readonly IDisposable[] _owned;

    /// <summary>Wraps a session; <paramref name="owned"/> are disposed, in order, after the session.</summary>
    public ModelRun(ITrainingSession<TDataset> session, Action<GateStatistics?>? attachGates, params IDisposable[] owned)
    {
        Session = session ?? throw new ArgumentNullException(nameof(session));
        AttachGates = attachGates;
        _owned = owned ?? [];
    }

    /// <summary>The session the trainer drives.</summary>
    public ITrainingSession<TDataset> Session { get; }

    /// <summary>Sets the model's gate recorder (null detaches it); null for models without gates.</summary>
    public Action<GateStatistics?>? AttachGates { get; }

    /// <summary>Frees the session, then the model and optimizer where they hold native memory.</summary>
    public void Dispose()
    {
        Session.Dispose();
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
    }
}
