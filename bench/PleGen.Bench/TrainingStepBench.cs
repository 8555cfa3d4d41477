using System;
using System.Diagnostics;
using System.Globalization;
using PleGen.Runtime;

namespace PleGen.Bench;

/// <summary>
/// A training step of a two-layer MLP with BCE (batch 1024, 499 inputs, 64 hidden: the census expert's shape)
/// on the engine, inside a pooled <see cref="TensorScope"/>: prints bytes allocated per steady-state step.
/// </summary>
internal static class TrainingStepBench
{
    public static int Run(string[] args)
    {
        const int batch = 1024, input = 499, hidden = 64;
        var random = new RandomSource(7);
        Tensor Param(params int[] shape)
        {
            var values = new float[ShapeUtil.Product(shape)];
            random.FillUniform(values, -0.05f, 0.05f);
            return new Tensor(shape, values, requiresGrad: true);
        }

        Tensor w1 = Param(hidden, input), b1 = Param(hidden), w2 = Param(1, hidden), b2 = Param(1);
        var xValues = new float[batch * input];
        random.FillUniform(xValues, -1f, 1f);
        var x = new Tensor(new[] { batch, input }, xValues);
        var yValues = new float[batch];
        for (int i = 0; i < batch; i++)
        {
            yValues[i] = random.NextFloat() < 0.5f ? 0f : 1f;
        }

        var y = new Tensor(new[] { batch }, yValues);
        var pool = new BufferPool();
        Tensor[] parameters = { w1, b1, w2, b2 };

        void Step()
        {
            using var scope = new TensorScope(pool);
            Tensor h = Ops.Relu(Ops.Linear(x, w1, b1));
            Losses.BinaryCrossEntropyWithLogits(Ops.Linear(h, w2, b2), y).Backward();
            foreach (Tensor p in parameters)
            {
                // Plain SGD keeps this benchmark about the engine, not an optimizer.
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(p.Grad, -1e-3f, p.Data, p.Data);
                p.ZeroGrad();
            }
        }

        for (int i = 0; i < 20; i++)
        {
            Step();
        }

        const int steps = 200;
        long buffersBefore = pool.Allocations;
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            Step();
        }

        watch.Stop();
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        Console.WriteLine($"mlp batch={batch} in={input} hidden={hidden} steps={steps}");
        Console.WriteLine($"new_tensor_buffers_per_step={(pool.Allocations - buffersBefore) / (double)steps:F2}");
        Console.WriteLine($"step_ms={watch.Elapsed.TotalMilliseconds / steps:F3}");
        Console.WriteLine($"samples_per_s={batch * steps / watch.Elapsed.TotalSeconds:F0}");
        Console.WriteLine($"allocated_bytes_per_step={(bytes / (double)steps).ToString("F0", CultureInfo.InvariantCulture)}");
        return 0;
    }
}
