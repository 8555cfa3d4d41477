using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>The compile-time parameter counts against counts done by hand, term by term.</summary>
public sealed class ArchitectureSummaryTests
{
    [Fact]
    public void Two_level_ple_matches_the_hand_count()
    {
        // input = user 6 + item embedding 4 = 10
        const long embedding = 100 * 4;                              // 400
        // level 0 (reads the input, width 10)
        const long sharedExpert0 = (10 * 16 + 16) + (16 * 8 + 8);    // 176 + 136 = 312, two of them
        const long taskExpert0 = 10 * 8 + 8;                         // 88, one per task
        const long taskGate0 = 10 * 3 + 3;                           // 33: own 1 + shared 2
        const long sharedGate0 = 10 * 4 + 4;                         // 44: 2 task experts + 2 shared
        // level 1 (reads the fused outputs of level 0, width 8)
        const long sharedExpert1 = (8 * 16 + 16) + (16 * 8 + 8);     // 144 + 136 = 280, two of them
        const long taskExpert1 = 8 * 8 + 8;                          // 72, one per task
        const long taskGate1 = 8 * 3 + 3;                            // 27
        const long tower = (8 * 4 + 4) + (4 * 1 + 1);                // 36 + 5 = 41, one per task
        const long expected = embedding
            + 2 * sharedExpert0 + 2 * taskExpert0 + 2 * taskGate0 + sharedGate0
            + 2 * sharedExpert1 + 2 * taskExpert1 + 2 * taskGate1
            + 2 * tower;                                              // 400 + 624 + 176 + 66 + 44 + 560 + 144 + 54 + 82 = 2,150

        Assert.Equal(2150, expected);
        Assert.Equal(expected, VideoPle.Architecture.TotalParameters);
        Assert.Equal("PLE", VideoPle.Architecture.Name);
        Assert.Equal(2, VideoPle.Architecture.Levels);
        Assert.Equal(10, VideoPle.Architecture.InputWidth);
    }

    [Fact]
    public void Mmoe_matches_the_hand_count()
    {
        const long experts = 3 * (5 * 12 + 12);      // 216
        const long gates = 2 * (5 * 3 + 3);          // 36
        const long towerA = 12 * 1 + 1;              // 13: no hidden layer
        const long towerB = (12 * 6 + 6) + (6 + 1);  // 78 + 7 = 85
        Assert.Equal(experts + gates + towerA + towerB, SmallMmoe.Architecture.TotalParameters);
        Assert.Equal(350, SmallMmoe.Architecture.TotalParameters);
    }

    [Fact]
    public void Omoe_has_one_gate_whose_mix_every_tower_reads()
    {
        const long experts = 3 * (5 * 12 + 12);      // 216, as in SmallMmoe
        const long gate = 5 * 3 + 3;                 // 18: one gate, not one per task
        const long towerA = 12 * 1 + 1;              // 13
        const long towerB = (12 * 6 + 6) + (6 + 1);  // 85
        Assert.Equal(experts + gate + towerA + towerB, OneGate.Architecture.TotalParameters);
        Assert.Equal("OMoE", OneGate.Architecture.Name);
        Assert.Equal(1, OneGate.Architecture.Levels);

        ArchitectureModule only = Assert.Single(OneGate.Architecture.Modules, m => m.Kind == ModuleKind.Gate);
        Assert.Equal("gate", only.Name);
        Assert.Equal(new[] { "experts.0", "experts.1", "experts.2" }, only.Mixes);
        Assert.All(OneGate.Architecture.Modules.Where(m => m.Kind == ModuleKind.Tower), t => Assert.Equal("the gate's mix", t.ReadsFrom));
        Assert.Equal(new[] { "experts.0.layers.0.weight", "experts.0.layers.0.bias" }, new OneGate().Parameters.Take(2).Select(p => p.Name));
        Assert.Contains(new OneGate().Parameters, p => p.Name == "gate.weight");
    }

    [Fact]
    public void Customized_sharing_towers_read_the_shared_bottom_beside_their_own()
    {
        const long shared = (6 * 10 + 10) + (10 * 5 + 5);  // 125
        const long ownA = (6 * 10 + 10) + (10 * 5 + 5);    // 125: a's bottom inherits the shared Units
        const long ownB = 6 * 4 + 4;                       // 28
        const long towerA = ((5 + 5) * 3 + 3) + (3 + 1);   // 37: reads cat(bottom 5, own 5)
        const long towerB = ((5 + 4) * 3 + 3) + (3 + 1);   // 34: reads cat(bottom 5, own 4)
        Assert.Equal(shared + ownA + ownB + towerA + towerB, SharedPlusOwn.Architecture.TotalParameters);
        Assert.Equal("CustomizedSharing", SharedPlusOwn.Architecture.Name);
        Assert.Equal("concat(bottom, bottoms.b)", SharedPlusOwn.Architecture.Modules.Single(m => m.Name == "towers.b").ReadsFrom);
        Assert.Equal(new[] { "bottom", "bottoms.a", "bottoms.b" }, SharedPlusOwn.Architecture.Modules.Where(m => m.Kind == ModuleKind.Bottom).Select(m => m.Name));
        Assert.Contains(new SharedPlusOwn().Parameters, p => p.Name == "bottoms.b.layers.0.weight" && p.Tensor.Shape.SequenceEqual(new[] { 4, 6 }));
    }

    [Fact]
    public void Asymmetric_sharing_reads_only_the_declared_direction()
    {
        const long bottoms = 2 * (6 * 8 + 8);           // 112
        const long towers = 2 * ((8 * 3 + 3) + (3 + 1)); // 62: Sum keeps the width 8
        Assert.Equal(bottoms + towers, OneWay.Architecture.TotalParameters);
        Assert.Equal("AsymmetricSharing", OneWay.Architecture.Name);
        Assert.Equal("bottoms.a", OneWay.Architecture.Modules.Single(m => m.Name == "towers.a").ReadsFrom);
        Assert.Equal("sum(bottoms.b, bottoms.a)", OneWay.Architecture.Modules.Single(m => m.Name == "towers.b").ReadsFrom);
    }

    [Fact]
    public void Cross_stitch_has_a_column_per_task_and_a_unit_after_every_layer()
    {
        const long columns = 3 * ((6 * 10 + 10) + (10 * 5 + 5)); // 375
        const long units = 2 * (3 * 3);                          // 18: alpha [3, 3] after each of the 2 layers
        const long towers = 2 * ((5 * 3 + 3) + (3 + 1)) + (5 + 1); // 44 + 6
        Assert.Equal(columns + units + towers, Stitched.Architecture.TotalParameters);
        Assert.Equal("CrossStitch", Stitched.Architecture.Name);
        Assert.Equal(new[] { "columns.a.0", "columns.b.0", "columns.c.0", "stitches.0", "columns.a.1", "columns.b.1", "columns.c.1", "stitches.1" },
            Stitched.Architecture.Modules.Where(m => m.Kind is ModuleKind.Layer or ModuleKind.CrossStitch).Select(m => m.Name));
        Assert.Equal("a stitched (layer 0)", Stitched.Architecture.Modules.Single(m => m.Name == "columns.a.1").ReadsFrom);
        Assert.Equal("b stitched (layer 1)", Stitched.Architecture.Modules.Single(m => m.Name == "towers.b").ReadsFrom);

        // Misra et al.'s initialization: a high self-weight, the rest of each row spread evenly over the other tasks.
        float[] alpha = new Stitched(3).Parameters.Single(p => p.Name == "stitches.1.alpha").Tensor.ToArray();
        const float other = (1f - 0.8f) / 2;                    // 0.1 in float32 arithmetic
        Assert.Equal(new[] { 0.8f, other, other, other, 0.8f, other, other, other, 0.8f }, alpha);
    }

    [Fact]
    public void Sluice_has_a_column_per_task_an_alpha_unit_after_every_layer_and_a_beta_unit_per_task()
    {
        const long columns = 3 * ((5 * 4 + 4) + (4 * 4 + 4)); // 132
        const long alphas = 2 * (6 * 6);                      // 72: alpha [3 tasks * 2 subspaces, 6] after each of the 2 layers
        const long betas = 3 * 2;                             // a weight per layer per task
        const long towers = ((4 * 3 + 3) + (3 + 1)) + (4 + 1) + ((4 * 2 + 2) + (2 + 1)); // 19 + 5 + 13
        Assert.Equal(columns + alphas + betas + towers, Sluiced.Architecture.TotalParameters);
        Assert.Equal("Sluice", Sluiced.Architecture.Name);
        Assert.Equal(new[] { "columns.a.0", "columns.b.0", "columns.c.0", "alphas.0", "columns.a.1", "columns.b.1", "columns.c.1", "alphas.1", "betas.a", "betas.b", "betas.c" },
            Sluiced.Architecture.Modules.Where(m => m.Kind is ModuleKind.Layer or ModuleKind.SubspaceMix or ModuleKind.LayerMix).Select(m => m.Name));
        Assert.Equal("a after alpha (layer 0)", Sluiced.Architecture.Modules.Single(m => m.Name == "columns.a.1").ReadsFrom);
        Assert.Equal("b after alpha (layer 0), b after alpha (layer 1)", Sluiced.Architecture.Modules.Single(m => m.Name == "betas.b").ReadsFrom);
        Assert.Equal("b layer mix", Sluiced.Architecture.Modules.Single(m => m.Name == "towers.b").ReadsFrom);
        Assert.Equal(0.1, Sluiced.OrthogonalityWeight);

        // SelfWeight on the diagonal, the rest of each row spread over the other 5 subspaces; beta the mean of the layers.
        var model = new Sluiced(3);
        float[] alpha = model.Parameters.Single(p => p.Name == "alphas.1.alpha").Tensor.ToArray();
        const float other = (1f - 0.6f) / 5;
        Assert.Equal(Enumerable.Range(0, 36).Select(i => i / 6 == i % 6 ? 0.6f : other), alpha);
        Assert.Equal(new[] { 0.5f, 0.5f }, model.Parameters.Single(p => p.Name == "betas.c.beta").Tensor.ToArray());
    }

    [Fact]
    public void Single_task_models_share_nothing_and_match_the_hand_count()
    {
        // Each task owns its embedding table, bottom and tower.
        const long embeddings = 2 * (7 * 2);                    // 28
        const long bottoms = 2 * ((6 * 10 + 10) + (10 * 5 + 5)); // 2 * (70 + 55) = 250
        const long towers = 2 * ((5 * 3 + 3) + (3 + 1));         // 2 * 22 = 44
        Assert.Equal(embeddings + bottoms + towers, SeparateModels.Architecture.TotalParameters);
        Assert.Equal(322, SeparateModels.Architecture.TotalParameters);
        Assert.Equal(0, SeparateModels.Architecture.Levels);
    }

    [Fact]
    public void Shared_bottom_matches_the_hand_count()
    {
        const long embedding = 7 * 2;                   // 14
        const long bottom = (6 * 10 + 10) + (10 * 5 + 5); // 125
        const long towers = 2 * ((5 * 3 + 3) + (3 + 1)); // 44
        Assert.Equal(embedding + bottom + towers, HardSharing.Architecture.TotalParameters);
    }

    public static IEnumerable<object[]> AllModels() => new[]
    {
        new object[] { VideoPle.Architecture.Modules, VideoPle.Architecture.TotalParameters, VideoPle.Architecture.Summary },
        new object[] { SmallMmoe.Architecture.Modules, SmallMmoe.Architecture.TotalParameters, SmallMmoe.Architecture.Summary },
        new object[] { SeparateModels.Architecture.Modules, SeparateModels.Architecture.TotalParameters, SeparateModels.Architecture.Summary },
        new object[] { SharedPlusOwn.Architecture.Modules, SharedPlusOwn.Architecture.TotalParameters, SharedPlusOwn.Architecture.Summary },
        new object[] { OneWay.Architecture.Modules, OneWay.Architecture.TotalParameters, OneWay.Architecture.Summary },
        new object[] { Stitched.Architecture.Modules, Stitched.Architecture.TotalParameters, Stitched.Architecture.Summary },
        new object[] { OneGate.Architecture.Modules, OneGate.Architecture.TotalParameters, OneGate.Architecture.Summary },
        new object[] { HardSharing.Architecture.Modules, HardSharing.Architecture.TotalParameters, HardSharing.Architecture.Summary },
    };

    [Theory]
    [MemberData(nameof(AllModels))]
    public void Modules_add_up_to_the_total_and_the_summary_lists_each(IReadOnlyList<ArchitectureModule> modules, long total, string summary)
    {
        Assert.Equal(total, modules.Sum(m => m.Parameters));
        Assert.Equal(modules.Count, modules.Select(m => m.Name).Distinct().Count());
        foreach (ArchitectureModule module in modules)
        {
            Assert.Contains(module.Name, summary);
        }

        Assert.Contains("Total parameters: " + total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), summary);
    }

    [Fact]
    public void Gates_mix_their_own_experts_then_the_shared_ones_never_another_tasks()
    {
        ArchitectureModule ctrGate = VideoPle.Architecture.Modules.Single(m => m.Name == "gates.ctr.1");
        Assert.Equal(new[] { "levels.1.tasks.ctr.0", "levels.1.shared.0", "levels.1.shared.1" }, ctrGate.Mixes);
        Assert.Equal("ctr fused (level 0)", ctrGate.ReadsFrom);

        ArchitectureModule sharedGate = VideoPle.Architecture.Modules.Single(m => m.Name == "shared_gates.0");
        Assert.Equal(4, sharedGate.Mixes.Count);
        Assert.DoesNotContain(VideoPle.Architecture.Modules, m => m.Name == "shared_gates.1");

        ArchitectureModule sharedExpert = VideoPle.Architecture.Modules.Single(m => m.Name == "levels.1.shared.0");
        Assert.Equal("shared fused (level 0)", sharedExpert.ReadsFrom);
    }
}
