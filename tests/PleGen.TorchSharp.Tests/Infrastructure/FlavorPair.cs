using System;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Both flavors of one architecture with the same weights: the managed model built from a seed, its checkpoint loaded
/// into the TorchSharp model (which overwrites TorchSharp's own initialization). Both start in evaluation mode, so no
/// dropout draws differ; gradients still flow (neither flavor ties backward to training mode).
/// </summary>
internal sealed class FlavorPair : IDisposable
{
    private FlavorPair(ManagedFlavor managed, TorchFlavor torch)
    {
        Managed = managed;
        Torch = torch;
    }

    public ManagedFlavor Managed { get; }

    public TorchFlavor Torch { get; }

    /// <summary>The pair of <paramref name="architecture"/>; <paramref name="adjust"/> may set managed parameters before they are copied.</summary>
    public static FlavorPair Create(string architecture, ulong seed = 11, Action<ManagedFlavor>? adjust = null)
    {
        var managed = new ManagedFlavor(architecture, seed);
        adjust?.Invoke(managed);
        var torch = TorchFlavor.Create(architecture, (long)seed);
        using (var directory = new TemporaryDirectory())
        {
            string checkpoint = directory.File("managed.safetensors");
            managed.Model.Save(checkpoint);
            torch.Load(checkpoint);
        }

        var pair = new FlavorPair(managed, torch);
        pair.Train(false);
        return pair;
    }

    /// <summary>Training (dropout on) or evaluation mode, in both flavors.</summary>
    public void Train(bool training)
    {
        Managed.Model.Training = training;
        Torch.Module.train(training);
    }

    public void Dispose() => Torch.Dispose();
}
