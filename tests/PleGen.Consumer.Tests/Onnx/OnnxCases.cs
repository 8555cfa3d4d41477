using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;

namespace PleGen.Consumer.Tests.Onnx;

/// <summary>A feature of a case: dense of a width, or categorical of a cardinality.</summary>
internal sealed record OnnxFeature(string Name, int Width, int Cardinality)
{
    public bool Categorical => Cardinality > 0;

    public static OnnxFeature Dense(string name, int width) => new(name, width, 0);

    public static OnnxFeature Ids(string name, int cardinality) => new(name, 1, cardinality);
}

/// <summary>One batch of a case's features by name: dense rows or ids.</summary>
internal sealed class OnnxInputs(int batch, Dictionary<string, float[]> dense, Dictionary<string, int[]> ids)
{
    public int Batch => batch;

    public IReadOnlyDictionary<string, float[]> DenseValues => dense;

    public IReadOnlyDictionary<string, int[]> IdValues => ids;

    public float[] D(string feature) => dense[feature];

    public int[] I(string feature) => ids[feature];

    /// <summary>
    /// x ~ N(0, 1) per dense feature; ids per categorical feature, where <paramref name="edge"/> "low" makes every id 0,
    /// "high" every id cardinality-1 and "mixed" rows 0 and 1 the two edges and the rest uniform.
    /// </summary>
    public static OnnxInputs Make(IReadOnlyList<OnnxFeature> features, int batch, string edge, ulong seed)
    {
        var random = new RandomSource(seed);
        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (OnnxFeature feature in features)
        {
            if (!feature.Categorical)
            {
                var x = new float[batch * feature.Width];
                random.FillNormal(x, 0f, 1f);
                dense[feature.Name] = x;
                continue;
            }

            int last = feature.Cardinality - 1;
            ids[feature.Name] = Enumerable.Range(0, batch).Select(b => edge switch
            {
                "low" => 0,
                "high" => last,
                _ => b == 0 ? 0 : b == 1 ? last : Math.Min(last, (int)(random.NextFloat() * feature.Cardinality)),
            }).ToArray();
        }

        return new OnnxInputs(batch, dense, ids);
    }
}

/// <summary>
/// A generated model under test: its features, its generated ExportOnnx, and its managed
/// forward in evaluation mode, whose outputs are keyed by the ONNX output names ([N] each) and whose gates' utilization
/// comes from <see cref="GateStatistics"/>.
/// </summary>
internal sealed class OnnxCase(string architecture, IReadOnlyList<OnnxFeature> features, string[] outputs, Action<string> export, Func<OnnxInputs, IReadOnlyDictionary<string, float[]>> forward, Func<GateStatistics?, GateStatistics?> attachGates)
{
    public string Architecture => architecture;

    public IReadOnlyList<OnnxFeature> Features => features;

    public IReadOnlyList<string> Outputs => outputs;

    public void Export(string path) => export(path);

    public IReadOnlyDictionary<string, float[]> Forward(OnnxInputs inputs) => forward(inputs);

    /// <summary>Attaches a fresh recorder (returns the previous one) or detaches with null.</summary>
    public GateStatistics? AttachGates(GateStatistics? statistics) => attachGates(statistics);

    public static readonly string[] Names = ["PLE", "CGC", "MMoE", "ML-MMoE", "SharedBottom", "SingleTask", "OMoE", "CustomizedSharing", "AsymmetricSharing", "CrossStitch", "Sluice", "DataSized"];

    public static OnnxCase Create(string name)
    {
        switch (name)
        {
            case "PLE":
            {
                var m = new OnnxPle(11) { Training = false };
                return new OnnxCase(OnnxPle.Architecture.Name, [OnnxFeature.Dense("user", 5), OnnxFeature.Ids("item", 13), OnnxFeature.Ids("city", 4)], ["Ctr", "CtrProbability", "WatchTime"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxPle.Batch(i.D("user"), i.I("item"), i.I("city")));
                    return Results(("Ctr", o.Ctr), ("CtrProbability", o.CtrProbability), ("WatchTime", o.WatchTime));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            case "CGC":
            {
                var m = new OnnxCgc(12) { Training = false };
                return new OnnxCase(OnnxCgc.Architecture.Name, [OnnxFeature.Dense("x", 6), OnnxFeature.Ids("c", 9)], ["Click", "ClickProbability", "Buy", "BuyProbability"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxCgc.Batch(i.D("x"), i.I("c")));
                    return Results(("Click", o.Click), ("ClickProbability", o.ClickProbability), ("Buy", o.Buy), ("BuyProbability", o.BuyProbability));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            case "MMoE":
            {
                var m = new OnnxMmoe(13) { Training = false };
                return new OnnxCase(OnnxMmoe.Architecture.Name, [OnnxFeature.Dense("x", 7)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxMmoe.Batch(i.D("x")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            case "ML-MMoE":
            {
                var m = new OnnxDeepMmoe(14) { Training = false };
                return new OnnxCase(OnnxDeepMmoe.Architecture.Name, [OnnxFeature.Dense("x", 3), OnnxFeature.Ids("c", 5)], ["A", "AProbability", "B", "BProbability"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxDeepMmoe.Batch(i.D("x"), i.I("c")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B), ("BProbability", o.BProbability));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            case "SharedBottom":
            {
                var m = new OnnxSharedBottom(15) { Training = false };
                return new OnnxCase(OnnxSharedBottom.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("c", 7)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxSharedBottom.Batch(i.D("x"), i.I("c")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, _ => null);
            }

            case "SingleTask":
            {
                var m = new OnnxSingleTask(16) { Training = false };
                return new OnnxCase(OnnxSingleTask.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("c", 7), OnnxFeature.Ids("d", 3)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxSingleTask.Batch(i.D("x"), i.I("c"), i.I("d")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, _ => null);
            }

            case "OMoE":
            {
                var m = new OnnxOmoe(17) { Training = false };
                return new OnnxCase(OnnxOmoe.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("c", 6)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxOmoe.Batch(i.D("x"), i.I("c")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            case "CustomizedSharing":
            {
                var m = new OnnxCustomizedSharing(18) { Training = false };
                return new OnnxCase(OnnxCustomizedSharing.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("c", 6)], ["A", "AProbability", "B", "BProbability"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxCustomizedSharing.Batch(i.D("x"), i.I("c")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B), ("BProbability", o.BProbability));
                }, _ => null);
            }

            case "AsymmetricSharing":
            {
                var m = new OnnxAsymmetricSharing(19) { Training = false };
                return new OnnxCase(OnnxAsymmetricSharing.Architecture.Name, [OnnxFeature.Dense("x", 5)], ["A", "AProbability", "B", "C"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxAsymmetricSharing.Batch(i.D("x")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B), ("C", o.C));
                }, _ => null);
            }

            case "CrossStitch":
            {
                var m = new OnnxCrossStitch(20) { Training = false };
                return new OnnxCase(OnnxCrossStitch.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("k", 5)], ["A", "AProbability", "B", "C", "CProbability"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxCrossStitch.Batch(i.D("x"), i.I("k")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B), ("C", o.C), ("CProbability", o.CProbability));
                }, _ => null);
            }

            case "Sluice":
            {
                // Alphas and betas drawn away from their symmetric initialization, so a wrong row or subspace shows.
                var m = new OnnxSluice(21) { Training = false };
                var random = new RandomSource(21);
                foreach (NamedTensor p in m.Parameters.Where(p => p.Name.StartsWith("alphas.", StringComparison.Ordinal) || p.Name.StartsWith("betas.", StringComparison.Ordinal)))
                {
                    random.FillNormal(p.Tensor.Data, 0f, 0.5f);
                }

                return new OnnxCase(OnnxSluice.Architecture.Name, [OnnxFeature.Dense("x", 4), OnnxFeature.Ids("k", 5)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxSluice.Batch(i.D("x"), i.I("k")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, _ => null);
            }

            case "DataSized":
            {
                var m = new OnnxDataSized(new OnnxDataSized.FeatureCardinalities(c: 11), 21) { Training = false };
                return new OnnxCase(OnnxDataSized.Architecture.Name, [OnnxFeature.Dense("x", 3), OnnxFeature.Ids("c", 11)], ["A", "AProbability", "B"], p => m.ExportOnnx(p, gateWeights: true), i =>
                {
                    var o = m.Forward(new OnnxDataSized.Batch(i.D("x"), i.I("c")));
                    return Results(("A", o.A), ("AProbability", o.AProbability), ("B", o.B));
                }, g => Swap(() => m.GateStatistics, v => m.GateStatistics = v, g));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown case.");
        }
    }

    private static IReadOnlyDictionary<string, float[]> Results(params (string Name, Tensor Value)[] outputs) =>
        outputs.ToDictionary(o => o.Name, o => o.Value.ToArray(), StringComparer.Ordinal);

    private static GateStatistics? Swap(Func<GateStatistics?> get, Action<GateStatistics?> set, GateStatistics? value)
    {
        GateStatistics? previous = get();
        set(value);
        return previous;
    }
}
