using System.Diagnostics;
using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using PleGen.TorchSharp.Tests.Optimizers;
using Xunit.Abstractions;
using Xunit;
using TorchOptimizer = TorchSharp.torch.optim.Optimizer;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Leaks;

/// <summary>
/// The TorchSharp flavor frees every native tensor it makes: the live counts of <see cref="LiveTensors"/> stay exactly
/// flat (no growth allowed) over long runs of the calls a training loop makes, measured after a warm-up (the first
/// step creates nothing that stays, but a warm-up keeps the test honest should TorchSharp ever cache something).
/// </summary>
[Collection(SerialLibTorch.Name)]
public sealed class NativeTensorLeakTests(ITestOutputHelper output)
{
    private const int Calls = 2000;

    [Fact]
    public void Two_thousand_training_steps_and_predictions_leave_the_live_tensor_count_flat()
    {
        using TorchFlavor torch = TorchFlavor.Create(nameof(FeedPle), seed: 1);
        using TorchOptimizer optimizer = torch.CreateOptimizer(1e-3);
        FeedData[] batches = Enumerable.Range(0, 8).Select(b => FeedData.Random(8, seed: 300 + (ulong)b)).ToArray();
        torch.Module.train();
        for (int step = 0; step < 5; step++)
        {
            torch.TrainStep(optimizer, batches[step], epoch: 0);
        }

        LiveTensors start = LiveTensors.Now();
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < Calls; step++)
        {
            torch.TrainStep(optimizer, batches[step % batches.Length], epoch: step / 500);
        }

        LiveTensors afterTraining = LiveTensors.Now();
        TimeSpan training = clock.Elapsed;

        // Predictions as README makes them: evaluation mode, with gate statistics recorded (a copy per gate and call).
        torch.Module.eval();
        torch.GateStatistics = new GateStatistics();
        torch.PredictClickProbability(batches[0]);
        LiveTensors beforePredicting = LiveTensors.Now();
        clock.Restart();
        for (int call = 0; call < Calls; call++)
        {
            torch.PredictClickProbability(batches[call % batches.Length]);
        }

        LiveTensors afterPredicting = LiveTensors.Now();
        output.WriteLine($"{Calls} TrainStep calls ({training.TotalSeconds:F1} s): {start} before, {afterTraining} after");
        output.WriteLine($"{Calls} Predict calls ({clock.Elapsed.TotalSeconds:F1} s): {beforePredicting} before, {afterPredicting} after");
        Assert.Equal(start, afterTraining);
        Assert.Equal(beforePredicting, afterPredicting);
        Assert.Equal((Calls + 1) * 8, torch.GateStatistics.Report().Gates[0].Samples);
    }

    /// <summary>
    /// The support code's optimizers dispose every temporary of a step themselves (the gradient handles, the penalized
    /// gradient, the denominators), so stepping outside any dispose scope, as a user's loop may, leaves nothing behind.
    /// </summary>
    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Two_hundred_optimizer_steps_outside_any_dispose_scope_leave_the_live_tensor_count_flat(string optimizer)
    {
        using var network = new SmallNetwork();
        using TorchOptimizer torchOptimizer = OptimizerCases.Ours(optimizer, network.Parameters);
        network.Gradients(0);
        torchOptimizer.step();
        LiveTensors start = LiveTensors.Now();
        for (int step = 0; step < 200; step++)
        {
            network.Gradients(step);
            torchOptimizer.step();
        }

        LiveTensors end = LiveTensors.Now();
        output.WriteLine($"{optimizer}, 200 steps: {start} before, {end} after");
        Assert.Equal(start, end);
    }

    [Fact]
    public void Saving_and_loading_outside_any_dispose_scope_leaves_no_tensor_behind()
    {
        using var directory = new TemporaryDirectory();
        using TorchFlavor torch = TorchFlavor.Create(nameof(FeedPle), seed: 1);
        string path = directory.File("feed-ple.safetensors");
        LiveTensors start = LiveTensors.Now();
        for (int round = 0; round < 3; round++)
        {
            torch.Save(path);
            torch.Load(path);
        }

        LiveTensors end = LiveTensors.Now();
        output.WriteLine($"3 x Save and Load of {FeedPle.TorchSharpModel.ParameterNames.Length} parameters: {start} before, {end} after");
        Assert.Equal(start, end);
    }

    /// <summary>
    /// README's loop (Generated/TrainingLoopExample.cs, as written) on four batches for two epochs, run in a temporary
    /// working directory because it saves to the relative path "feed-ple.safetensors", with no dispose scope around it:
    /// the loop's own scopes (one per step, one around Predict, whose outputs belong to the caller's scope) must free
    /// everything the model, the optimizer, the steps, the gate statistics, Save and Load made, so the count on this thread
    /// ends where it started. The process count also includes TorchSharp's own
    /// bookkeeping: creating a Linear layer's parameter counts its source tensor, whose handle the parameter takes over,
    /// and never uncounts it (Tensor.MoveHandle), so it grows by exactly FeedPle's 72 Linear parameters (all but the two
    /// embedding tables) and by nothing else.
    /// </summary>
    [Fact]
    public void READMEs_training_loop_frees_every_tensor_it_makes()
    {
        using var directory = new TemporaryDirectory();
        var batches = Enumerable.Range(0, 4).Select(b => FeedData.Random(16, seed: 400 + (ulong)b))
            .Select(d => (d.Profile, d.Occupation, d.Region, d.Click, d.WatchTime)).ToArray();
        FeedData test = FeedData.Random(10, seed: 404);
        var testBatch = FeedPle.TorchSharpModel.Batch.FromArrays(test.Profile, test.Occupation, test.Region);
        int linearParameters = FeedPle.TorchSharpModel.ParameterNames.Count(n => !n.StartsWith("embeddings.", StringComparison.Ordinal));
        string workingDirectory = Environment.CurrentDirectory;

        LiveTensors start = LiveTensors.Now();
        Environment.CurrentDirectory = directory.Path;
        try
        {
            TrainingLoopExample.Train(batches, testBatch, epochs: 2);
        }
        finally
        {
            Environment.CurrentDirectory = workingDirectory;
        }

        LiveTensors end = LiveTensors.Now();
        output.WriteLine($"README's loop: {start} before, {end} after; {linearParameters} Linear parameters");
        Assert.Equal(start.OnThisThread, end.OnThisThread);
        Assert.Equal(start.InProcess + linearParameters, end.InProcess);

        // The loop trained and saved: its checkpoint loads into the managed flavor and is not the untrained model.
        var trained = new FeedPle();
        trained.Load(directory.File("feed-ple.safetensors"));
        using TorchFlavor untrained = TorchFlavor.Create(nameof(FeedPle), seed: 1);
        Assert.NotEqual(untrained.ParameterValues()["towers.click.0.weight"], trained.Parameters.Single(p => p.Name == "towers.click.0.weight").Tensor.ToArray());
        testBatch.Profile.Dispose();
        testBatch.Occupation.Dispose();
        testBatch.Region.Dispose();
    }
}
