using System.Collections.Generic;
using System.Reflection;
using System;
using PleGen.Runtime.Models;
using TorchSharp.Utils;
using TorchSharp;
using Xunit.Sdk;
using Parameter = TorchSharp.Modules.Parameter;
using TorchTensor = TorchSharp.torch.Tensor;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// The generated TorchSharp flavor of one architecture (its nested TorchSharpModel) behind a typed surface, called the way
/// README shows (Create, Batch.FromArrays, Labels.FromArrays, forward, Loss, TrainStep, Predict, Save, Load); through
/// <c>dynamic</c> for the reason <see cref="ManagedFlavor"/> gives. Every call that makes tensors runs inside its own dispose
/// scope and returns arrays, so nothing here outlives the call but the model's parameters.
/// </summary>
internal sealed class TorchFlavor : IDisposable
{
    private readonly Type _type;
    private readonly dynamic _model;

    private TorchFlavor(Type type, object model)
    {
        _type = type;
        _model = model;
    }

    /// <summary><c>TorchSharpModel.Create(seed)</c> of <paramref name="architecture"/>, on the CPU.</summary>
    public static TorchFlavor Create(string architecture, long seed)
    {
        Type type = Architectures.TorchSharpType(architecture);
        MethodInfo create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        return new TorchFlavor(type, create.Invoke(null, [seed, null])!);
    }

    public nn.Module Module => (nn.Module)_model;

    public PleGen.Runtime.Models.GateStatistics? GateStatistics
    {
        get => _model.GateStatistics;
        set => _model.GateStatistics = value;
    }

    /// <summary>Forward pass and losses at <paramref name="epoch"/>; with <paramref name="backward"/>, gradients of the joint loss from none.</summary>
    public FlavorPass Run(FeedData data, int epoch, bool backward = true)
    {
        using DisposeScope scope = NewDisposeScope();
        Module.zero_grad();
        dynamic output = _model.forward(Batch(data));
        dynamic losses = _model.Loss(output, Labels(data), epoch);
        TorchTensor total = losses.Total;
        if (backward)
        {
            total.backward();
        }

        var gradients = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach ((string name, Parameter parameter) in backward ? Module.named_parameters() : [])
        {
            gradients.Add(name, Floats(parameter.grad ?? throw new XunitException($"The TorchSharp {_type.DeclaringType!.Name}'s parameter {name} got no gradient.")));
        }

        TorchTensor clickLoss = losses.Click, watchTimeLoss = losses.WatchTime;
        float orthogonality = ((object)losses).GetType().GetProperty("Orthogonality")?.GetValue(losses) is TorchTensor penalty ? penalty.item<float>() : 0f;
        return new FlavorPass(Floats(output.Click), Floats(output.ClickProbability), Floats(output.WatchTime),
            clickLoss.item<float>(), watchTimeLoss.item<float>(), total.item<float>(), orthogonality, gradients);
    }

    public optim.Optimizer CreateOptimizer(double learningRate) => _model.CreateOptimizer(learningRate);

    /// <summary>The generated TrainStep on one batch, the batch made in a scope as README's loop makes it; returns the loss.</summary>
    public float TrainStep(optim.Optimizer optimizer, FeedData data, int epoch)
    {
        using DisposeScope scope = NewDisposeScope();
        return _model.TrainStep(Batch(data), Labels(data), epoch, optimizer);
    }

    /// <summary>The generated Predict on a batch made in a scope, inside that scope as a user calls it; returns the click probabilities.</summary>
    public float[] PredictClickProbability(FeedData data)
    {
        using DisposeScope scope = NewDisposeScope();
        return Floats(_model.Predict(Batch(data)).ClickProbability);
    }

    /// <summary>Every parameter's values by state-dict name (copies).</summary>
    public Dictionary<string, float[]> ParameterValues()
    {
        using DisposeScope scope = NewDisposeScope();
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach ((string name, Parameter parameter) in Module.named_parameters())
        {
            values.Add(name, Floats(parameter));
        }

        return values;
    }

    public void Save(string path) => _model.Save(path);

    public void Load(string path) => _model.Load(path);

    public void Dispose() => Module.Dispose();

    /// <summary>A tensor's values, row-major; call it inside a dispose scope (the copy's temporaries belong to it).</summary>
    private static float[] Floats(TorchTensor tensor)
    {
        using TensorAccessor<float> values = tensor.detach().cpu().contiguous().data<float>();
        return values.ToArray();
    }

    private dynamic Batch(FeedData data) =>
        _type.GetNestedType("Batch")!.GetMethod("FromArrays")!.Invoke(null, [data.Profile, data.Occupation, data.Region])!;

    private dynamic Labels(FeedData data) =>
        _type.GetNestedType("Labels")!.GetMethod("FromArrays")!.Invoke(null, [data.Click, data.WatchTime, data.WatchTimeMask])!;
}
