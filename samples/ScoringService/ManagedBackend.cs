using System.IO;
using System.Linq;
using System.Reflection;
using PleGen.Runtime.Data;
using System;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Models;
using PleGen.Runtime.Tensors;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// Scores with a generated model on PleGen's managed engine, loaded from a safetensors checkpoint, through the
/// generated <c>Batch</c> constructor, <c>Forward</c> and <c>Output</c> members (found once, by reflection, so any
/// generated model class can be served).
/// <para>
/// Concurrency: one model instance is shared by every request, without a lock. That is safe because a forward pass in
/// evaluation mode under <see cref="Autograd.NoGrad"/> only reads shared state: the parameters (never written after
/// the checkpoint is loaded), the layer settings (<c>Training</c> is set to false once, before the first request, so
/// dropout neither runs nor draws from its random stream) and <c>GateStatistics</c> (left null, so no gate is
/// recorded). Everything a forward pass writes is its own: the result tensors are new per call, gradient mode and the
/// autograd tape are per thread (<c>[ThreadStatic]</c>), no <c>TensorScope</c> is open (scopes and their pools are per
/// thread too), the matrix kernels' packing buffers are per thread, and their helper threads are owned by one caller at
/// a time (a concurrent product falls back to the thread pool). The tests score concurrently and compare with
/// sequential results.
/// </para>
/// </summary>
public sealed class ManagedBackend : IScoringBackend
{
    private readonly IMultiTaskModel _model;
    private readonly MethodInfo _batch;
    private readonly MethodInfo _forward;
    private readonly PropertyInfo[] _values;
    private readonly PropertyInfo?[] _probabilities;

    /// <summary>Loads <paramref name="checkpointPath"/> into <paramref name="model"/> (a generated model) and switches it to evaluation mode.</summary>
    /// <exception cref="PleGen.Runtime.Checkpoints.CheckpointException">The checkpoint is missing, damaged or does not fit the model (the message names the file and the problem).</exception>
    public ManagedBackend(IMultiTaskModel model, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        Type type = model.GetType();
        Schema = ModelSchema.Of(model);
        // The generated Batch.FromColumns binds the request's columns by the declared feature names.
        Type batchType = ModelSchema.BatchConstructor(type).DeclaringType!;
        _batch = batchType.GetMethod("FromColumns", [typeof(IColumnSource)])
            ?? throw new ArgumentException($"{batchType.FullName} has no generated FromColumns(IColumnSource).", nameof(model));
        _forward = type.GetMethod("Forward", [batchType])
            ?? throw new ArgumentException($"{type.FullName} has no generated Forward({batchType.Name}).", nameof(model));
        Type output = _forward.ReturnType;
        _values = Schema.Tasks.Select(t => output.GetProperty(t.OutputMember)!).ToArray();
        _probabilities = Schema.Tasks.Select(t => t.ProbabilityMember is null ? null : output.GetProperty(t.ProbabilityMember)).ToArray();

        model.Load(checkpointPath);
        model.Training = false;
        _model = model;
        Source = Path.GetFullPath(checkpointPath);
    }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public ModelSchema Schema { get; }

    /// <inheritdoc />
    public TaskScores Score(FeatureBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var values = new float[_values.Length][];
        var probabilities = new float[]?[_values.Length];
        using (Autograd.NoGrad())
        {
            // FromColumns runs the Batch constructor's checks (shapes and ids; an ArgumentException naming the feature and sample).
            object input = _batch.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [batch], null)!;
            object output = _forward.Invoke(_model, BindingFlags.DoNotWrapExceptions, null, [input], null)!;
            for (int t = 0; t < values.Length; t++)
            {
                values[t] = ((Tensor)_values[t].GetValue(output)!).Data.ToArray();
                probabilities[t] = _probabilities[t] is { } p ? ((Tensor)p.GetValue(output)!).Data.ToArray() : null;
            }
        }

        return new TaskScores(values, probabilities);
    }
}
