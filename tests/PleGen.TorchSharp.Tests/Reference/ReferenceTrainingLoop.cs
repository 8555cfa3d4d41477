using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

/// <summary>
/// The training loop documentation shows for the TorchSharp backend, compiled here so the example cannot rot.
/// </summary>
internal static class ReferenceTrainingLoop
{
    /// <summary>Trains a fresh model for <paramref name="epochs"/> passes over CPU batches and returns it in eval mode.</summary>
    public static ReferencePleModule Train(
        IReadOnlyList<(ReferencePleModule.Batch Batch, ReferencePleModule.Labels Labels)> batches, int epochs, long seed)
    {
        Device device = ReferencePleModule.PreferredDevice();
        ReferencePleModule model = ReferencePleModule.Create(seed, device);
        using optim.Optimizer optimizer = model.CreateOptimizer(learningRate: 1e-3);
        model.train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach ((ReferencePleModule.Batch batch, ReferencePleModule.Labels labels) in batches)
            {
                // The scope also frees the batch's device copies.
                using DisposeScope scope = torch.NewDisposeScope();
                model.TrainStep(batch.To(device), labels.To(device), epoch, optimizer);
            }
        }
        model.eval();
        return model;
    }
}
