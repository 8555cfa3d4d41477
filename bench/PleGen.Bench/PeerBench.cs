using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PleGen.Runtime.Kernels;
using TorchSharp;

namespace PleGen.Bench;

/// <summary>
/// `train --config census|wide` and `infer --config census|wide --batch N`, each with `--backend`, `--rounds` and
/// `--threads`: the peer's models, batch sizes, optimizer (Adam, lr 1e-3) and loss, timed the way peer_ple.py times them
/// (5 warm-up steps then 5 s of steps; 20 warm-up forwards then at least 3 s and 50 runs for the p50 and p99 latency),
/// on the managed engine, the generated TorchSharp flavor or the hand-written loop PLE (<see cref="PeerBackends"/>).
/// Several backends are measured in one process, in rounds that rotate their order, so drift on a shared machine hits
/// all of them; each figure is then the median over the rounds.
/// </summary>
internal static class PeerBench
{
    /// <summary>
    /// The figures' ratios, in this order (the last is the headline): X_over_Y is how many times faster X is than Y, so > 1
    /// means X is faster. Training: samples/s of X / samples/s of Y. Inference: p50 of Y / p50 of X (latency, inverted so
    /// that managed_over_torchsharp > 1 still means managed is faster).
    /// </summary>
    private static readonly (string X, string Y, string Key)[] Ratios =
    {
        (PeerBackends.ManagedBackend, PeerBackends.LoopBackend, "managed_over_loop"),
        (PeerBackends.TorchSharpBackend, PeerBackends.LoopBackend, "torchsharp_over_loop"),
        (PeerBackends.OnnxBackend, PeerBackends.ManagedBackend, "onnxruntime_over_managed"),
        (PeerBackends.OnnxBackend, PeerBackends.TorchSharpBackend, "onnxruntime_over_torchsharp"),
        (PeerBackends.ManagedBackend, PeerBackends.TorchSharpBackend, "managed_over_torchsharp"),
    };

    public static int Train(string[] args)
    {
        if (Parse(args, "train") is not { } options)
        {
            return 2;
        }

        int batch = options.Config.TrainingBatch;
        return Compare(options, batch, backend => PeerBackends.Training(backend, options.Config), workload =>
        {
            TrainWindow window = PeerTiming.Train(workload.Run);
            return new Figures(batch * 1000.0 / window.StepMs, new Figure("step_ms", window.StepMs, "F2"), new Figure("allocated_bytes_per_step", window.AllocatedBytesPerStep, "F0"));
        });
    }

    public static int Infer(string[] args)
    {
        if (Parse(args, "infer") is not { } options)
        {
            return 2;
        }

        if (!int.TryParse(Option(args, "--batch") ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out int batch) || batch < 1)
        {
            Console.Error.WriteLine("infer: --batch needs a positive whole number, e.g. --batch 200");
            return 2;
        }

        return Compare(options, batch, backend => PeerBackends.Inference(backend, options.Config, batch, options.Threads), workload =>
        {
            InferWindow window = PeerTiming.Infer(workload.Run, workload.EnterMode);
            return new Figures(window.P50Ms, new Figure("runs", window.Runs, "F0"), new Figure("p99_ms", window.P99Ms, "F4"));
        });
    }

    /// <summary>
    /// Builds every selected backend, checks they have the same parameter count, then runs <c>options.Rounds</c> rounds of
    /// one window per backend (round r starts at backend r mod count). One backend and one round prints the single-run
    /// lines (figures, then the headline alone: samples_per_s= or p50_ms=); otherwise per-round lines, the medians and the
    /// ratios of the medians' headlines, managed_over_torchsharp last.
    /// </summary>
    private static int Compare(Options options, int batch, Func<string, PeerWorkload> build, Func<PeerWorkload, Figures> measure)
    {
        bool training = options.Command == "train";
        string headline = training ? "samples_per_s" : "p50_ms";
        string headlineFormat = training ? "F0" : "F4";
        var workloads = new List<PeerWorkload>();
        try
        {
            foreach (string backend in options.Backends)
            {
                workloads.Add(build(backend));
            }

            if (workloads.Select(w => w.Parameters).Distinct().Count() > 1)
            {
                Console.Error.WriteLine($"{options.Command}: the backends' parameter counts differ ({string.Join(", ", workloads.Select(w => $"{w.Backend}={w.Parameters}"))}); the comparison would not be fair.");
                return 1;
            }

            string setting = $"threads={options.Threads}";
            if (workloads.Count == 1 && options.Rounds == 1)
            {
                Figures single = measure(workloads[0]);
                Console.WriteLine($"config={options.Config.Name} params={workloads[0].Parameters} batch={batch} {single.Describe()} backend={workloads[0].Backend} {setting}");
                Console.WriteLine($"{headline}={Format(single.Headline, headlineFormat)}");
                return 0;
            }

            Console.WriteLine($"config={options.Config.Name} batch={batch} {setting} rounds={options.Rounds} backends={string.Join(",", options.Backends)}");
            PrintLoadAverage("before");
            foreach (PeerWorkload workload in workloads)
            {
                Console.WriteLine($"backend={workload.Backend} params={workload.Parameters}");
            }

            var results = workloads.ToDictionary(w => w.Backend, _ => new List<Figures>());
            for (int round = 0; round < options.Rounds; round++)
            {
                for (int i = 0; i < workloads.Count; i++)
                {
                    PeerWorkload workload = workloads[(round + i) % workloads.Count];
                    Figures figures = measure(workload);
                    results[workload.Backend].Add(figures);
                    Console.WriteLine($"round={round + 1} backend={workload.Backend} {headline}={Format(figures.Headline, headlineFormat)} {figures.Describe()}");
                }

                PrintRatios($"round={round + 1} ", backend => results[backend][round].Headline, training);
            }

            PrintLoadAverage("after");
            var medians = results.ToDictionary(r => r.Key, r => Figures.Median(r.Value));
            foreach (PeerWorkload workload in workloads)
            {
                Figures median = medians[workload.Backend];
                Console.WriteLine($"median backend={workload.Backend} {headline}={Format(median.Headline, headlineFormat)} {median.Describe()}");
            }

            Console.WriteLine(training
                ? "ratios: X_over_Y = samples/s of X / samples/s of Y, of the medians; > 1 means X trains faster"
                : "ratios: X_over_Y = p50 of Y / p50 of X, of the medians; > 1 means X answers faster");
            PrintRatios("", backend => medians[backend].Headline, training);
            return 0;
        }
        finally
        {
            foreach (PeerWorkload workload in workloads)
            {
                workload.Dispose();
            }
        }

        void PrintRatios(string prefix, Func<string, double> headlineOf, bool higherIsFaster)
        {
            foreach (var (x, y, key) in Ratios)
            {
                if (options.Backends.Contains(x) && options.Backends.Contains(y))
                {
                    double ratio = higherIsFaster ? headlineOf(x) / headlineOf(y) : headlineOf(y) / headlineOf(x);
                    Console.WriteLine($"{prefix}{key}={Format(ratio, "F2")}");
                }
            }
        }
    }

    /// <summary>
    /// The options both commands share. --backend: managed (default), torchsharp, torchsharp-loop, both (managed and
    /// torchsharp), all, or a comma-separated list. --rounds: 1 for one backend, else 3. --threads: the managed kernels'
    /// MaxDegreeOfParallelism and torch.set_num_threads alike (default: every core, the engine's default).
    /// </summary>
    private static Options? Parse(string[] args, string command)
    {
        string configName = Option(args, "--config") ?? "census";
        if (PeerConfig.Find(configName) is not { } config)
        {
            Console.Error.WriteLine($"{command}: unknown --config '{configName}'; use census or wide.");
            return null;
        }

        string backendOption = Option(args, "--backend") ?? PeerBackends.ManagedBackend;
        string[] backends = backendOption switch
        {
            "both" => [PeerBackends.ManagedBackend, PeerBackends.TorchSharpBackend],
            "all" => command == "train" ? PeerBackends.Trainable : PeerBackends.All,
            _ => backendOption.Split(',').Distinct().ToArray(),
        };
        if (backends.FirstOrDefault(b => !PeerBackends.All.Contains(b)) is { } unknown)
        {
            Console.Error.WriteLine($"{command}: unknown --backend '{unknown}'; use {string.Join(", ", PeerBackends.All)}, both or all (or a comma-separated list).");
            return null;
        }

        if (command == "train" && backends.Contains(PeerBackends.OnnxBackend))
        {
            Console.Error.WriteLine($"train: --backend {PeerBackends.OnnxBackend} is inference only (ONNX Runtime runs the exported forward); use it with infer.");
            return null;
        }

        int rounds = backends.Length == 1 ? 1 : 3;
        if (Option(args, "--rounds") is { } roundsText && (!int.TryParse(roundsText, NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds < 1))
        {
            Console.Error.WriteLine($"{command}: --rounds needs a positive whole number, e.g. --rounds 5");
            return null;
        }

        int threads = Environment.ProcessorCount;
        if (Option(args, "--threads") is { } threadsText && (!int.TryParse(threadsText, NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1 || threads > Environment.ProcessorCount))
        {
            Console.Error.WriteLine($"{command}: --threads needs a whole number from 1 to {Environment.ProcessorCount} (this machine's cores; the engine uses no more).");
            return null;
        }

        // Both backends get the same thread count; libtorch is loaded only when a TorchSharp backend runs.
        KernelSettings.MaxDegreeOfParallelism = threads;
        if (backends.Any(b => b is PeerBackends.TorchSharpBackend or PeerBackends.LoopBackend))
        {
            torch.set_num_threads(threads);
            if (torch.get_num_threads() != threads)
            {
                Console.Error.WriteLine($"{command}: torch.set_num_threads({threads}) left libtorch at {torch.get_num_threads()} threads.");
                return null;
            }
        }

        return new Options(command, config, backends, rounds, threads);
    }

    // The machine's load (Linux): other processes' work shows here, and the rounds cannot fully even out heavy load.
    private static void PrintLoadAverage(string when)
    {
        if (File.Exists("/proc/loadavg"))
        {
            string[] load = File.ReadAllText("/proc/loadavg").Split(' ');
            Console.WriteLine($"load_average_{when}={load[0]},{load[1]},{load[2]} (1, 5, 15 min; this machine has {Environment.ProcessorCount} cores)");
        }
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record Options(string Command, PeerConfig Config, string[] Backends, int Rounds, int Threads);

    private readonly record struct Figure(string Key, double Value, string Format);

    /// <summary>A window's headline (samples/s or p50 ms) and its other figures.</summary>
    private sealed record Figures(double Headline, params Figure[] Others)
    {
        public string Describe() => string.Join(" ", Others.Select(f => $"{f.Key}={PeerBench.Format(f.Value, f.Format)}"));

        /// <summary>Each figure's median over the rounds (the mean of the middle two for an even count).</summary>
        public static Figures Median(IReadOnlyList<Figures> rounds) => new(
            MedianOf(rounds.Select(r => r.Headline)),
            rounds[0].Others.Select((f, i) => f with { Value = MedianOf(rounds.Select(r => r.Others[i].Value)) }).ToArray());

        private static double MedianOf(IEnumerable<double> values)
        {
            double[] sorted = values.Order().ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
