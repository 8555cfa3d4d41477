using System;
using System.Collections.Generic;
using PleGen.Bench;

// Each command prints its figures; the last line is the headline number in key=value form.
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["gemm"] = GemmBench.Run,
    ["step"] = TrainingStepBench.Run,
    ["train"] = PeerBench.Train,
    ["infer"] = PeerBench.Infer,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out Func<string[], int>? command))
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/PleGen.Bench -- <command>
          gemm   GFLOP/s of our SGEMM on the models' shapes, beside OpenBLAS when libopenblas is installed
          step   allocated bytes and time per training step of a small MLP on the engine
          train  --config census|wide: training samples/s of the peer's PLE (../shared/bench/peer_ple.py)
          infer  --config census|wide --batch N: p50 and p99 forward latency in evaluation mode
          train and infer also take:
            --backend managed|torchsharp|torchsharp-loop|onnxruntime|both|all
                         managed (default): the engine; torchsharp: the generated TorchSharpModel; torchsharp-loop: the
                         hand-written loop PLE (LoopPle.cs); onnxruntime (infer only): the managed model exported to ONNX
                         and run by ONNX Runtime's CPU provider; both: managed and torchsharp; all: every backend (train:
                         the three that train) (or a comma-separated list). Several are measured in one process, in rounds of rotating order, then compared by ratios
                         X_over_Y (> 1 when X is faster); with managed and torchsharp the last line is managed_over_torchsharp=
            --rounds N   rounds of one window per backend (default: 1 for one backend, 3 for several)
            --threads N  threads of the engine's kernels and of libtorch alike (default: every core)
        """);
    return args.Length == 0 ? 1 : 2;
}

return command(args[1..]);
