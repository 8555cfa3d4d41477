using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PleGen.Runtime.Models;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// Scores through ONNX Runtime (CPU provider): the generated model's checkpoint is exported once with its generated
/// <c>ExportOnnx</c> (inputs named after the features, outputs after the generated Output members) and served from that
/// file. One <see cref="InferenceSession"/> serves every request; ONNX Runtime documents <c>Run</c> as safe to call
/// concurrently on one session.
/// </summary>
public sealed class OnnxBackend : IScoringBackend, IDisposable
{
    private readonly InferenceSession _session;

    /// <summary>Loads <paramref name="checkpointPath"/> into <paramref name="model"/>, exports it to <paramref name="onnxPath"/> (atomically) and opens that file.</summary>
    /// <exception cref="PleGen.Runtime.Checkpoints.CheckpointException">The checkpoint is missing, damaged or does not fit the model.</exception>
    public OnnxBackend(IMultiTaskModel model, string checkpointPath, string onnxPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        Type type = model.GetType();
        Schema = ModelSchema.Of(model);
        MethodInfo export = type.GetMethod("ExportOnnx", [typeof(string), typeof(bool)])
            ?? throw new ArgumentException($"{type.FullName} has no generated ExportOnnx(string, bool).", nameof(model));
        model.Load(checkpointPath);
        export.Invoke(model, BindingFlags.DoNotWrapExceptions, null, [onnxPath, false], null);
        _session = new InferenceSession(onnxPath, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
        Source = Path.GetFullPath(onnxPath);
    }

    /// <inheritdoc />
    public string Name => "onnxruntime";

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public ModelSchema Schema { get; }

    /// <inheritdoc />
    public TaskScores Score(FeatureBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var inputs = new List<NamedOnnxValue>(Schema.Features.Count);
        for (int f = 0; f < Schema.Features.Count; f++)
        {
            FeatureSchema feature = Schema.Features[f];
            inputs.Add(feature.IsCategorical
                ? NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<long>(Array.ConvertAll(batch.Ids(f), id => (long)id), [batch.RowCount]))
                : NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<float>(batch.Dense(f), [batch.RowCount, feature.Width])));
        }

        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = _session.Run(inputs);
        var outputs = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray(), StringComparer.Ordinal);
        var values = Schema.Tasks.Select(t => outputs[t.OutputMember]).ToArray();
        var probabilities = Schema.Tasks.Select(t => t.ProbabilityMember is null ? null : outputs[t.ProbabilityMember]).ToArray();
        return new TaskScores(values, probabilities);
    }

    /// <summary>Closes the session.</summary>
    public void Dispose() => _session.Dispose();
}
