using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Memory;
using PleGen.Runtime.Models;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using TorchSharp;
using CensusTorchSharp = PleGen.Bench.CensusPeerModel.TorchSharpModel;
using NN = TorchSharp.torch.nn;
using TorchTensor = TorchSharp.torch.Tensor;
using WideTorchSharp = PleGen.Bench.WidePeerModel.TorchSharpModel;

namespace PleGen.Bench;

/// <summary>One of the peer's configurations: batch size for training, input width, and its hand-written loop PLE.</summary>
internal sealed record PeerConfig(string Name, int TrainingBatch, int Width, LoopPleConfig Loop)
{
    public static PeerConfig? Find(string name) => name switch
    {
        "census" => new PeerConfig(name, 1024, 499, LoopPleConfig.Census),
        "wide" => new PeerConfig(name, 2048, 512, LoopPleConfig.Wide),
        _ => null,
    };
}

/// <summary>
/// What a timing window runs for one backend on one configuration: <see cref="Run"/> is one training step or one
/// evaluation-mode forward (each inside its own scope), <see cref="EnterMode"/> what an inference window runs inside
/// (no-grad). Owns the backend's model, optimizer and input tensors.
/// </summary>
internal sealed class PeerWorkload(string backend, long parameters, Action run, Func<IDisposable> mode, params IDisposable[] owned) : IDisposable
{
    public string Backend => backend;

    public long Parameters => parameters;

    public Action Run => run;

    public IDisposable EnterMode() => mode();

    public void Dispose()
    {
        foreach (IDisposable resource in owned)
        {
            resource.Dispose();
        }
    }
}

/// <summary>
/// The backends the bench compares: <c>managed</c> (the generated model on PleGen.Runtime), <c>torchsharp</c> (the same
/// declaration's generated TorchSharpModel), <c>torchsharp-loop</c> (<see cref="LoopPle"/>, the PyTorch libraries'
/// way of writing PLE) and, for inference only, <c>onnxruntime</c> (the managed model exported to ONNX, run by ONNX Runtime:
/// <see cref="PeerOnnxBackend"/>). Every backend gets the same synthetic data (the arrays below, copied into tensors), the same
/// optimizer (Adam, lr 1e-3) and the same loss (mean BCE-with-logits over the two tasks).
/// </summary>
internal static class PeerBackends
{
    public const string ManagedBackend = "managed", TorchSharpBackend = "torchsharp", LoopBackend = "torchsharp-loop", OnnxBackend = "onnxruntime";

    /// <summary>Every backend; <c>onnxruntime</c> is inference only.</summary>
    public static readonly string[] All = [ManagedBackend, TorchSharpBackend, LoopBackend, OnnxBackend];

    /// <summary>The backends that train (what <c>train --backend all</c> runs).</summary>
    public static readonly string[] Trainable = [ManagedBackend, TorchSharpBackend, LoopBackend];

    /// <summary>The training data: x ~ N(0, 1) [batch, width] and two 0/1 label vectors, from seed 0.</summary>
    public static (float[] X, float[] Y0, float[] Y1) TrainingData(PeerConfig config)
    {
        int batch = config.TrainingBatch;
        var random = new RandomSource(0);
        var x = new float[batch * config.Width];
        random.FillNormal(x, 0f, 1f);
        var y0 = new float[batch];
        var y1 = new float[batch];
        for (int i = 0; i < batch; i++)
        {
            y0[i] = random.NextFloat() > 0.5f ? 1f : 0f;
            y1[i] = random.NextFloat() > 0.5f ? 1f : 0f;
        }

        return (x, y0, y1);
    }

    /// <summary>The inference input: x ~ N(0, 1) [batch, width] from seed 1.</summary>
    public static float[] InferenceData(PeerConfig config, int batch)
    {
        var x = new float[batch * config.Width];
        new RandomSource(1).FillNormal(x, 0f, 1f);
        return x;
    }

    /// <summary>One training step of <paramref name="backend"/>: forward, loss, backward, Adam step.</summary>
    public static PeerWorkload Training(string backend, PeerConfig config)
    {
        var (x, y0, y1) = TrainingData(config);
        if (backend == ManagedBackend)
        {
            var (model, loss, _) = ManagedModel(config.Name);
            var adam = new Adam(model.Parameters, 1e-3);
            var pool = new BufferPool();
            return new PeerWorkload(backend, ManagedParameters(model), () =>
            {
                using var scope = new TensorScope(pool);
                loss(x, y0, y1).Backward();
                adam.Step();
                adam.ZeroGrad();
            }, NoMode);
        }

        TorchTensor input = torch.tensor(x, new long[] { config.TrainingBatch, config.Width });
        TorchTensor labels0 = torch.tensor(y0), labels1 = torch.tensor(y1);
        if (backend == TorchSharpBackend)
        {
            var (model, trainer, _) = GeneratedModel(config.Name);
            model.train();
            var (step, adam) = trainer(input, labels0, labels1);
            return new PeerWorkload(backend, TorchSharpParameters(model), step, NoMode, model, adam, input, labels0, labels1);
        }

        LoopPle loop = LoopPle.Create(config.Loop, seed: 0);
        loop.train();
        torch.optim.Optimizer loopAdam = torch.optim.Adam(loop.parameters(), 1e-3);
        TorchTensor labels = torch.stack([labels0, labels1], 1);
        return new PeerWorkload(backend, TorchSharpParameters(loop), () => loop.TrainStep(input, labels, loopAdam), NoMode, loop, loopAdam, input, labels0, labels1, labels);
    }

    /// <summary>One evaluation-mode forward of <paramref name="backend"/> at <paramref name="batch"/>, without gradients.</summary>
    public static PeerWorkload Inference(string backend, PeerConfig config, int batch, int threads)
    {
        float[] x = InferenceData(config, batch);
        if (backend == OnnxBackend)
        {
            var (reference, _, task0) = ManagedModel(config.Name);
            return PeerOnnxBackend.Inference(config, batch, threads, x, reference, task0);
        }

        if (backend == ManagedBackend)
        {
            var (managed, _, forward) = ManagedModel(config.Name);
            managed.Training = false;
            var pool = new BufferPool();
            return new PeerWorkload(backend, ManagedParameters(managed), () =>
            {
                using var scope = new TensorScope(pool);
                forward(x);
            }, () => Autograd.NoGrad());
        }

        // Predict runs under no_grad itself and hands its outputs to the caller's scope: each forward gets its own.
        TorchTensor input = torch.tensor(x, new long[] { batch, config.Width });
        NN.Module model;
        Action predict;
        if (backend == TorchSharpBackend)
        {
            var (generated, _, predictor) = GeneratedModel(config.Name);
            (model, predict) = (generated, predictor(input));
        }
        else
        {
            LoopPle loop = LoopPle.Create(config.Loop, seed: 0);
            (model, predict) = (loop, () => loop.Predict(input));
        }

        model.eval();
        return new PeerWorkload(backend, TorchSharpParameters(model), () =>
        {
            using DisposeScope scope = torch.NewDisposeScope();
            predict();
        }, () => torch.no_grad(), model, input);
    }

    internal static IDisposable NoMode() => NoScope.Instance;

    internal static long ManagedParameters(IMultiTaskModel model) => model.Parameters.Sum(p => (long)p.Tensor.Length);

    private static long TorchSharpParameters(NN.Module model) => model.parameters().Sum(p => p.numel());

    /// <summary>The managed flavor: the model, its joint loss on a training batch, and a forward that returns task0's logits.</summary>
    private static (IMultiTaskModel Model, Func<float[], float[], float[], Tensor> Loss, Func<float[], Tensor> Forward) ManagedModel(string config)
    {
        switch (config)
        {
            case "census":
            {
                var m = new CensusPeerModel(0);
                return (m, (x, a, b) => m.Loss(m.Forward(new CensusPeerModel.Batch(x)), new CensusPeerModel.Labels(a, b)).Total, x => m.Forward(new CensusPeerModel.Batch(x)).Task0);
            }

            case "wide":
            {
                var m = new WidePeerModel(0);
                return (m, (x, a, b) => m.Loss(m.Forward(new WidePeerModel.Batch(x)), new WidePeerModel.Labels(a, b)).Total, x => m.Forward(new WidePeerModel.Batch(x)).Task0);
            }

            default:
                throw new ArgumentException($"Unknown --config '{config}'; use census or wide.");
        }
    }

    /// <summary>
    /// The TorchSharp flavor, seeded as the managed one (Create(0)): the model, a factory of its TrainStep on a fixed
    /// batch with its own CreateOptimizer (Adam, lr 1e-3), and a factory of its Predict on a fixed input. Batch and
    /// Labels wrap the tensors once, outside the timing.
    /// </summary>
    private static (NN.Module Model, Func<TorchTensor, TorchTensor, TorchTensor, (Action Step, torch.optim.Optimizer Adam)> Trainer, Func<TorchTensor, Action> Predictor) GeneratedModel(string config)
    {
        switch (config)
        {
            case "census":
            {
                var m = CensusTorchSharp.Create(0);
                return (m, (x, a, b) => Step(m.TrainStep, new CensusTorchSharp.Batch(x), new CensusTorchSharp.Labels(a, b), m.CreateOptimizer(1e-3)), x => Forward(m.Predict, new CensusTorchSharp.Batch(x)));
            }

            case "wide":
            {
                var m = WideTorchSharp.Create(0);
                return (m, (x, a, b) => Step(m.TrainStep, new WideTorchSharp.Batch(x), new WideTorchSharp.Labels(a, b), m.CreateOptimizer(1e-3)), x => Forward(m.Predict, new WideTorchSharp.Batch(x)));
            }

            default:
                throw new ArgumentException($"Unknown --config '{config}'; use census or wide.");
        }
    }

    private static (Action Step, torch.optim.Optimizer Adam) Step<TBatch, TLabels>(Func<TBatch, TLabels, int, torch.optim.Optimizer, float> trainStep, TBatch batch, TLabels labels, torch.optim.Optimizer adam) =>
        (() => trainStep(batch, labels, 0, adam), adam);

    private static Action Forward<TBatch, TOutput>(Func<TBatch, TOutput> predict, TBatch batch) => () => predict(batch);

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
