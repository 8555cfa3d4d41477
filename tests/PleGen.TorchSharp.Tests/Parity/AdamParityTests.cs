using System;
using PleGen.Runtime.Optim;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit;
using TorchOptimizer = TorchSharp.torch.optim.Optimizer;

namespace PleGen.TorchSharp.Tests.Parity;

/// <summary>
/// Both flavors' Adam (PleGen.Runtime's, written to torch.optim.Adam's semantics, and the optimizer CreateOptimizer returns),
/// lr 1e-3 with default betas and eps, from the same weights over the same 20 batches, epochs 0 to 3 (the loss weights
/// decay): the losses before each step agree as one pass does, the parameters after the last within
/// <see cref="Tolerances.AdamParameters"/>. Evaluation mode, so both take the same steps (no dropout draw differs).
/// </summary>
public sealed class AdamParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void Twenty_Adam_steps_keep_the_flavors_parameters_together(string architecture)
    {
        using var pair = FlavorPair.Create(architecture);
        var managedOptimizer = new Adam(pair.Managed.Model.Parameters, learningRate: 1e-3);
        using TorchOptimizer torchOptimizer = pair.Torch.CreateOptimizer(1e-3);
        Agreement losses = Tolerances.ForwardAndGradients();
        for (int step = 0; step < 20; step++)
        {
            FeedData batch = FeedData.Random(37, seed: 100 + (ulong)step);
            int epoch = step / 5;
            losses.Check($"joint loss before step {step}", pair.Managed.TrainStep(managedOptimizer, batch, epoch), pair.Torch.TrainStep(torchOptimizer, batch, epoch));
        }

        Agreement parameters = Tolerances.AdamParameters();
        parameters.Check("parameter", pair.Managed.ParameterValues(), pair.Torch.ParameterValues());

        output.WriteLine($"losses:     {losses}");
        output.WriteLine($"parameters: {parameters}");
    }
}
