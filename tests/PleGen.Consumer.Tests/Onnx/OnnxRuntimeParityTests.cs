using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.OnnxRuntime;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Models;
using PleGen.Runtime.Onnx;
using Xunit.Abstractions;
using Xunit;

namespace PleGen.Consumer.Tests.Onnx;

/// <summary>
/// Every architecture's export, loaded in ONNX Runtime (CPU provider) with graph optimizations off and on, reproduces
/// the managed forward at batch 1 and 257, with categorical ids at both ends of their range, within 1e-5 relative
/// (1e-6 absolute floor for values near zero): the outputs per task and each gate's weights.
/// </summary>
public sealed class OnnxRuntimeParityTests : IDisposable
{
    private const double Relative = 1e-5, Floor = 1e-6;

    private readonly ITestOutputHelper _output;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-onnx-" + Guid.NewGuid().ToString("N"));

    public OnnxRuntimeParityTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in OnnxCase.Names)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_reproduces_the_managed_forward(string name, bool optimized)
    {
        OnnxCase model = OnnxCase.Create(name);
        string path = Path.Combine(_directory, name + ".onnx");
        model.Export(path);
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = optimized ? GraphOptimizationLevel.ORT_ENABLE_ALL : GraphOptimizationLevel.ORT_DISABLE_ALL,
        };
        using var session = new InferenceSession(path, options);

        double worst = 0;
        foreach (var (batch, edge) in new[] { (1, "low"), (1, "high"), (257, "mixed") })
        {
            OnnxInputs inputs = OnnxInputs.Make(model.Features, batch, edge, seed: (ulong)batch);
            var statistics = new GateStatistics();
            IReadOnlyDictionary<string, float[]> expected;
            using (Autograd.NoGrad())
            {
                model.AttachGates(statistics);
                expected = model.Forward(inputs);
                model.AttachGates(null);
            }

            using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(Feed(model, inputs));
            var actual = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray(), StringComparer.Ordinal);
            foreach (string output in model.Outputs)
            {
                Assert.Equal(batch, actual[output].Length);
                worst = Math.Max(worst, Compare($"{name} batch {batch} ({edge} ids) {output}", expected[output], actual[output]));
            }

            // Each gate's weights: per sample at batch 1 (the mean is the sample), mean and spread per expert at 257.
            GateReport report = statistics.Report();
            Assert.Equal(report.Gates.Select(g => g.Gate).Order(), actual.Keys.Where(k => !model.Outputs.Contains(k)).Order());
            foreach (GateUtilization gate in report.Gates)
            {
                float[] weights = actual[gate.Gate];
                int experts = gate.Experts.Count;
                Assert.Equal(batch * experts, weights.Length);
                for (int e = 0; e < experts; e++)
                {
                    double[] column = Enumerable.Range(0, batch).Select(b => (double)weights[(b * experts) + e]).ToArray();
                    double mean = column.Average();
                    double std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / batch);
                    worst = Math.Max(worst, Compare($"{name} batch {batch} {gate.Gate} expert {e} mean", [(float)gate.Mean[e]], [(float)mean]));
                    worst = Math.Max(worst, Compare($"{name} batch {batch} {gate.Gate} expert {e} std", [(float)gate.Std[e]], [(float)std]));
                }

                for (int b = 0; b < batch; b++)
                {
                    Assert.Equal(1.0, Enumerable.Range(0, experts).Sum(e => (double)weights[(b * experts) + e]), 5);
                }
            }
        }

        _output.WriteLine($"{name} optimizations={(optimized ? "on" : "off")}: largest deviation {worst:E2} of the tolerance's relative scale");
    }

    [Fact]
    public void Onnx_runtime_reads_the_names_types_dynamic_batch_and_metadata()
    {
        OnnxCase model = OnnxCase.Create("PLE");
        string path = Path.Combine(_directory, "ple.onnx");
        model.Export(path);
        using var session = new InferenceSession(path);

        Assert.Equal(["user", "item", "city"], session.InputMetadata.Keys);
        Assert.Equal([-1, 5], session.InputMetadata["user"].Dimensions);
        Assert.Equal(typeof(long), session.InputMetadata["item"].ElementType);
        Assert.Equal("N", session.InputMetadata["item"].SymbolicDimensions[0]);
        Assert.Equal(["Ctr", "CtrProbability", "WatchTime", "gates.ctr.0", "gates.watch_time.0", "shared_gates.0", "gates.ctr.1", "gates.watch_time.1"], session.OutputMetadata.Keys);
        Assert.Equal([-1], session.OutputMetadata["Ctr"].Dimensions);
        Assert.Equal([-1, 4], session.OutputMetadata["shared_gates.0"].Dimensions);
        IDictionary<string, string> metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("PleGen.Consumer.Tests.Onnx.OnnxPle", metadata["model"]);
        Assert.Equal("PLE", metadata["architecture"]);
        Assert.Equal("Ctr=binary,WatchTime=regression", metadata["task_kinds"]);
        Assert.Equal(OnnxModelWriter.PleGenVersion, metadata["plegen_version"]);
        Assert.Equal("PleGen", session.ModelMetadata.ProducerName);
    }

    [Fact]
    public void Every_architecture_has_a_case_and_a_data_sized_model_has_one_too()
    {
        Assert.Equal(["PLE", "CGC", "MMoE", "ML-MMoE", "SharedBottom", "SingleTask", "OMoE", "CustomizedSharing", "AsymmetricSharing", "CrossStitch", "Sluice", "CGC"], OnnxCase.Names.Select(n => OnnxCase.Create(n).Architecture));
    }

    /// <summary>The largest |actual - expected| / max(|expected|, floor / relative); fails past the tolerance.</summary>
    private static double Compare(string what, float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(float.IsFinite(actual[i]), $"{what}[{i}]: ONNX Runtime gave {actual[i]}.");
            double deviation = Math.Abs((double)actual[i] - expected[i]);
            double allowed = Math.Max(Relative * Math.Abs(expected[i]), Floor);
            Assert.True(deviation <= allowed, $"{what}[{i}]: ONNX Runtime {actual[i]:R}, managed {expected[i]:R}, off by {deviation:E2} > {allowed:E2}.");
            worst = Math.Max(worst, deviation / Math.Max(Math.Abs(expected[i]), Floor / Relative));
        }

        return worst;
    }

    internal static List<NamedOnnxValue> Feed(OnnxCase model, OnnxInputs inputs)
    {
        var feed = new List<NamedOnnxValue>();
        foreach (OnnxFeature feature in model.Features)
        {
            feed.Add(feature.Categorical
                ? NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<long>(inputs.I(feature.Name).Select(i => (long)i).ToArray(), [inputs.Batch]))
                : NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<float>(inputs.D(feature.Name), [inputs.Batch, feature.Width])));
        }

        return feed;
    }
}
