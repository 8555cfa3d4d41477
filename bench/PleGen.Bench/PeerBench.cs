using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using PleGen.Runtime;

namespace PleGen.Bench;

/// <summary>
/// `train --config census|wide` and `infer --config census --batch N`: the peer's models, batch sizes, optimizer
/// (Adam, lr 1e-3) and loss, timed the way peer_ple.py times them (5 warm-up steps then 5 s of steps; 20 warm-up
/// forwards then at least 3 s and 50 runs for the p50 latency).
/// </summary>
internal static class PeerBench
{
    public static int Train(string[] args)
    {
        string config = Option(args, "--config") ?? "census";
        var (model, batch, width, step) = Build(config);
        var random = new RandomSource(0);
        var x = new float[batch * width];
        random.FillNormal(x, 0f, 1f);
        var y0 = new float[batch];
        var y1 = new float[batch];
        for (int i = 0; i < batch; i++)
        {
            y0[i] = random.NextFloat() > 0.5f ? 1f : 0f;
            y1[i] = random.NextFloat() > 0.5f ? 1f : 0f;
        }

        var adam = new Adam(model.Parameters, 1e-3);
        var pool = new BufferPool();
        void Step()
        {
            using var scope = new TensorScope(pool);
            step(x, y0, y1).Backward();
            adam.Step();
            adam.ZeroGrad();
        }

        for (int i = 0; i < 5; i++)
        {
            Step();
        }

        long bytes = GC.GetTotalAllocatedBytes(precise: true);
        int steps = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 5)
        {
            Step();
            steps++;
        }

        double stepMs = watch.Elapsed.TotalMilliseconds / steps;
        long perStep = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / steps;
        Console.WriteLine($"config={config} params={model.Parameters.Sum(p => (long)p.Tensor.Length)} batch={batch} step_ms={stepMs.ToString("F2", CultureInfo.InvariantCulture)} allocated_bytes_per_step={perStep}");
        Console.WriteLine($"samples_per_s={(batch * 1000.0 / stepMs).ToString("F0", CultureInfo.InvariantCulture)}");
        return 0;
    }

    public static int Infer(string[] args)
    {
        string config = Option(args, "--config") ?? "census";
        int batch = int.Parse(Option(args, "--batch") ?? "1", CultureInfo.InvariantCulture);
        var (model, _, width, _) = Build(config);
        var x = new float[batch * width];
        new RandomSource(1).FillNormal(x, 0f, 1f);
        model.Training = false;
        Func<float[], Tensor> forward = config == "wide"
            ? v => ((WidePeerModel)model).Forward(new WidePeerModel.Batch(v)).Task0
            : v => ((CensusPeerModel)model).Forward(new CensusPeerModel.Batch(v)).Task0;
        var pool = new BufferPool();
        var times = new List<double>();
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < 20; i++)
            {
                using var scope = new TensorScope(pool);
                forward(x);
            }

            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < 3 || times.Count < 50)
            {
                long start = Stopwatch.GetTimestamp();
                using (new TensorScope(pool))
                {
                    forward(x);
                }

                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"config={config} batch={batch} runs={times.Count}");
        Console.WriteLine($"p50_ms={times[times.Count / 2].ToString("F4", CultureInfo.InvariantCulture)}");
        return 0;
    }

    private static (IMultiTaskModel Model, int Batch, int Width, Func<float[], float[], float[], Tensor> Step) Build(string config)
    {
        switch (config)
        {
            case "census":
            {
                var m = new CensusPeerModel(0);
                return (m, 1024, 499, (x, a, b) => m.Loss(m.Forward(new CensusPeerModel.Batch(x)), new CensusPeerModel.Labels(a, b)).Total);
            }

            case "wide":
            {
                var m = new WidePeerModel(0);
                return (m, 2048, 512, (x, a, b) => m.Loss(m.Forward(new WidePeerModel.Batch(x)), new WidePeerModel.Labels(a, b)).Total);
            }

            default:
                throw new ArgumentException($"Unknown --config '{config}'; use census or wide.");
        }
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
