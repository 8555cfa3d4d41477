using System.Linq;
using PleGen.Runtime.Models;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit;

namespace PleGen.TorchSharp.Tests.Parity;

public sealed class GateStatisticsParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Architectures.Gated), MemberType = typeof(Architectures))]
    public void Both_flavors_report_the_same_expert_utilization(string architecture)
    {
        using var pair = FlavorPair.Create(architecture);
        pair.Managed.GateStatistics = new GateStatistics();
        pair.Torch.GateStatistics = new GateStatistics();
        foreach ((int count, ulong seed) in new[] { (37, 21UL), (5, 22UL), (20, 23UL) })
        {
            FeedData batch = FeedData.Random(count, seed);
            pair.Managed.Run(batch, epoch: 0, backward: false);
            pair.Torch.Run(batch, epoch: 0, backward: false);
        }

        GateReport managed = pair.Managed.GateStatistics.Report();
        GateReport torch = pair.Torch.GateStatistics!.Report();

        // Every gate the architecture declares, in forward order, over the experts it mixes, for all 62 samples.
        var gates = Architectures.Gates(architecture);
        Assert.Equal(gates.Select(g => g.Name), managed.Gates.Select(g => g.Gate));
        Assert.Equal(gates.Select(g => g.Name), torch.Gates.Select(g => g.Gate));
        Agreement agreement = Tolerances.ForwardAndGradients();
        foreach ((GateUtilization m, GateUtilization t, ArchitectureModule gate) in managed.Gates.Zip(torch.Gates, gates))
        {
            Assert.Equal(gate.Mixes, m.Experts);
            Assert.Equal(gate.Mixes, t.Experts);
            Assert.Equal(62, m.Samples);
            Assert.Equal(62, t.Samples);
            agreement.Check($"{m.Gate} mean", m.Mean.Select(v => (float)v).ToArray(), t.Mean.Select(v => (float)v).ToArray());
            agreement.Check($"{m.Gate} std", m.Std.Select(v => (float)v).ToArray(), t.Std.Select(v => (float)v).ToArray());
        }

        output.WriteLine($"{gates.Count} gates: {agreement}");
        output.WriteLine(torch.ToString());
    }

    [Theory]
    [InlineData(nameof(FeedSharedBottom))]
    [InlineData(nameof(FeedSingleTask))]
    public void Gateless_architectures_offer_gate_statistics_in_neither_flavor(string architecture)
    {
        Assert.Empty(Architectures.Gates(architecture));
        Assert.Null(Architectures.ManagedType(architecture).GetProperty("GateStatistics"));
        Assert.Null(Architectures.TorchSharpType(architecture).GetProperty("GateStatistics"));
        Assert.NotNull(typeof(FeedMmoe.TorchSharpModel).GetProperty("GateStatistics"));
    }
}
