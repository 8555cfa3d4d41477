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
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/PleGen.Bench -- <command>");
    Console.Error.WriteLine("  gemm   GFLOP/s of our SGEMM on the models' shapes, beside OpenBLAS when libopenblas is installed");
    Console.Error.WriteLine("  step   allocated bytes and time per training step of a small MLP on the engine");
    Console.Error.WriteLine("  train  --config census|wide: training samples/s of the peer's PLE (../shared/bench/peer_ple.py)");
    Console.Error.WriteLine("  infer  --config census|wide --batch N: p50 forward latency in evaluation mode");
    return args.Length == 0 ? 1 : 2;
}

return command(args[1..]);
