using System.Linq;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PleGen.TorchSharp.Tests.Parity;

/// <summary>
/// Both flavors with the same weights (managed checkpoint loaded into TorchSharp), in evaluation mode so no dropout draw
/// differs, on one batch of 37 (ids 0 and cardinality - 1 included, a watch-time mask with zeros): outputs, per-task and
/// joint losses at epochs 0, 1 and 5 (Eq. 10 decay), and the gradient of every parameter after backward of the joint
/// loss, matched by state-dict name, agree within <see cref="Tolerances.ForwardAndGradients"/>.
/// </summary>
public sealed class ForwardAndGradientParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void Outputs_losses_and_every_gradient_match_the_managed_flavor(string architecture)
    {
        using var pair = FlavorPair.Create(architecture);
        FeedData data = FeedData.Random(37, seed: 5);
        Agreement outputs = Tolerances.ForwardAndGradients();
        Agreement losses = Tolerances.ForwardAndGradients();
        Agreement gradients = Tolerances.ForwardAndGradients();
        foreach (int epoch in new[] { 0, 1, 5 })
        {
            FlavorPass managed = pair.Managed.Run(data, epoch);
            FlavorPass torch = pair.Torch.Run(data, epoch);
            outputs.Check("click logit", managed.ClickLogit, torch.ClickLogit);
            outputs.Check("click probability", managed.ClickProbability, torch.ClickProbability);
            outputs.Check("watch time", managed.WatchTime, torch.WatchTime);
            losses.Check($"click loss (epoch {epoch})", managed.ClickLoss, torch.ClickLoss);
            losses.Check($"watch-time loss (epoch {epoch})", managed.WatchTimeLoss, torch.WatchTimeLoss);
            losses.Check($"joint loss (epoch {epoch})", managed.TotalLoss, torch.TotalLoss);
            losses.Check("orthogonality penalty", managed.Orthogonality, torch.Orthogonality);
            gradients.Check($"d joint loss (epoch {epoch}) / d", managed.Gradients, torch.Gradients);

            // Not vacuous: the joint loss is Eq. 10's weighted sum at this epoch (plus the weighted penalty of a sluice
            // model, which is then above 0), and every parameter gets a gradient.
            double penaltyWeight = Architectures.OrthogonalityWeight(architecture);
            Assert.True(penaltyWeight == 0 || torch.Orthogonality > 0, "The orthogonality penalty is 0 although it is weighted.");
            losses.Check($"click + 0.5 * 0.9^{epoch} * watch-time loss + {penaltyWeight} * penalty", managed.TotalLoss,
                torch.ClickLoss + (float)(0.5 * System.Math.Pow(0.9, epoch)) * torch.WatchTimeLoss + (float)penaltyWeight * torch.Orthogonality);
            Assert.All(torch.Gradients, g => Assert.True(g.Value.Any(v => v != 0), $"{g.Key}'s gradient is all zeros."));
        }

        output.WriteLine($"outputs:   {outputs}");
        output.WriteLine($"losses:    {losses}");
        output.WriteLine($"gradients: {gradients}");
    }
}
