using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;
using PleGen.TorchSharp.Tests.Generated;
using Xunit.Sdk;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// The managed flavor of one architecture behind a typed surface. The six generated classes share no interface beyond
/// <see cref="IMultiTaskModel"/> but have the same members (one task group), so calls go through <c>dynamic</c> here, once,
/// instead of one copy of every test per architecture.
/// </summary>
internal sealed class ManagedFlavor
{
    private readonly Type _type;
    private readonly dynamic _model;

    public ManagedFlavor(string architecture, ulong seed)
    {
        _type = Architectures.ManagedType(architecture);
        _model = Activator.CreateInstance(_type, seed)!;
    }

    public IMultiTaskModel Model => (IMultiTaskModel)_model;

    public GateStatistics? GateStatistics
    {
        get => _model.GateStatistics;
        set => _model.GateStatistics = value;
    }

    /// <summary>Forward pass and losses at <paramref name="epoch"/>; with <paramref name="backward"/>, gradients of the joint loss from zero.</summary>
    public FlavorPass Run(FeedData data, int epoch, bool backward = true)
    {
        ZeroGrad();
        dynamic output = _model.Forward(Batch(data));
        dynamic losses = _model.Loss(output, Labels(data), epoch);
        Tensor total = losses.Total;
        if (backward)
        {
            total.Backward();
        }

        var gradients = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (NamedTensor p in backward ? Model.Parameters : [])
        {
            gradients.Add(p.Name, p.Tensor.HasGrad ? p.Tensor.Grad.ToArray() : throw new XunitException($"The managed {_type.Name}'s parameter {p.Name} got no gradient."));
        }

        Tensor clickLogit = output.Click, clickProbability = output.ClickProbability, watchTime = output.WatchTime;
        Tensor clickLoss = losses.Click, watchTimeLoss = losses.WatchTime;
        float orthogonality = ((object)losses).GetType().GetProperty("Orthogonality")?.GetValue(losses) is Tensor penalty ? penalty.Item() : 0f;
        return new FlavorPass(clickLogit.ToArray(), clickProbability.ToArray(), watchTime.ToArray(), clickLoss.Item(), watchTimeLoss.Item(), total.Item(), orthogonality, gradients);
    }

    /// <summary>One optimizer step on one batch: zero the gradients, forward, joint loss, backward, step; returns the loss.</summary>
    public float TrainStep(Optimizer optimizer, FeedData data, int epoch)
    {
        optimizer.ZeroGrad();
        dynamic losses = _model.Loss(_model.Forward(Batch(data)), Labels(data), epoch);
        Tensor total = losses.Total;
        total.Backward();
        optimizer.Step();
        return total.Item();
    }

    /// <summary>Every parameter's values by state-dict name (copies).</summary>
    public Dictionary<string, float[]> ParameterValues() => Model.Parameters.ToDictionary(p => p.Name, p => p.Tensor.ToArray(), StringComparer.Ordinal);

    /// <summary>Sets every value of the parameter named <paramref name="name"/>.</summary>
    public void Fill(string name, float value) => Model.Parameters.Single(p => p.Name == name).Tensor.Data.Fill(value);

    private void ZeroGrad()
    {
        foreach (NamedTensor p in Model.Parameters)
        {
            p.Tensor.ZeroGrad();
        }
    }

    // Every architecture under test shares the task group FeedTasks, and with it these data types.
    private static FeedTasks.Batch Batch(FeedData data) => new(data.Profile, data.Occupation, data.Region);

    private static FeedTasks.Labels Labels(FeedData data) => new(data.Click, data.WatchTime, data.WatchTimeMask);
}
