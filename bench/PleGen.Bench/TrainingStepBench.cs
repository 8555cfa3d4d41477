using System.Diagnostics;
using System.Globalization;
using System;
using PleGen.Runtime.Memory;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using PleGen;

namespace PleGen.Bench;

/// <summary>
/// `step [--fused] [--steps N]`: one training step of a two-layer MLP with BCE on the engine (batch 1024, 499 inputs,
/// 64 hidden: the census expert's shape) inside a pooled <see cref="TensorScope"/>, as a trainer runs it. After a
/// one-second warm-up, prints the pool's new tensor buffers per step (0 in steady state), heap bytes allocated per step
/// (GC.GetTotalAllocatedBytes delta / steps: tensor headers and graph nodes only) and steps per second.
/// <c>--fused</c> applies the hidden ReLU inside Linear instead of as a separate op.
/// </summary>
public static class TrainingStepBench
{
    private const int Batch = 1024, Inputs = 499, Hidden = 64;

    /// <summary>Long enough for tiered JIT to finish optimizing (TensorPrimitives' generic kernels are slow until then).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool fused = Array.IndexOf(args, "--fused") >= 0;
        int steps = 200;
        int stepsAt = Array.IndexOf(args, "--steps");
        if (stepsAt >= 0 && (stepsAt + 1 >= args.Length || !int.TryParse(args[stepsAt + 1], NumberStyles.None, CultureInfo.InvariantCulture, out steps) || steps < 1))
        {
            Console.Error.WriteLine("step: --steps needs a positive whole number, e.g. --steps 500");
            return 2;
        }

        var random = new RandomSource(7);
        Tensor Parameter(params int[] shape)
        {
            var values = new float[ShapeUtil.Product(shape)];
            random.FillUniform(values, -0.05f, 0.05f);
            return new Tensor(shape, values, requiresGrad: true);
        }

        Tensor w1 = Parameter(Hidden, Inputs), b1 = Parameter(Hidden), w2 = Parameter(1, Hidden), b2 = Parameter(1);
        Tensor[] parameters = { w1, b1, w2, b2 };
        var features = new float[Batch * Inputs];
        random.FillUniform(features, -1f, 1f);
        var x = new Tensor(new[] { Batch, Inputs }, features);
        var labels = new float[Batch];
        for (int i = 0; i < Batch; i++)
        {
            labels[i] = random.NextFloat() < 0.5f ? 0f : 1f;
        }

        var y = new Tensor(new[] { Batch }, labels);
        var pool = new BufferPool();

        void Step()
        {
            using var scope = new TensorScope(pool);
            Tensor hidden = fused ? Ops.Linear(x, w1, b1, Activation.Relu) : Ops.Relu(Ops.Linear(x, w1, b1));
            LossFunctions.BinaryCrossEntropyWithLogits(Ops.Linear(hidden, w2, b2), y).Backward();
            foreach (Tensor p in parameters)
            {
                // Plain SGD keeps this benchmark about the engine, not an optimizer.
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(p.Grad, -1e-3f, p.Data, p.Data);
                p.ZeroGrad();
            }
        }

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            Step();
        }

        long buffersBefore = pool.Allocations;
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            Step();
        }

        watch.Stop();
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        double seconds = watch.Elapsed.TotalSeconds;
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine($"mlp batch={Batch} in={Inputs} hidden={Hidden} relu={(fused ? "fused" : "separate")} steps={steps}");
        Console.WriteLine($"new_tensor_buffers_per_step={F((pool.Allocations - buffersBefore) / (double)steps, "F2")}");
        Console.WriteLine($"step_ms={F(seconds * 1000 / steps, "F3")}");
        Console.WriteLine($"steps_per_s={F(steps / seconds, "F1")}");
        Console.WriteLine($"samples_per_s={F(Batch * steps / seconds, "F0")}");
        Console.WriteLine($"allocated_bytes_per_step={F(bytes / (double)steps, "F0")}");
        return 0;
    }
}
