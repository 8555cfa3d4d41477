using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Generated;

/// <summary>
/// README's "Using PleGen with TorchSharp" loop, as written, so the example stays true: NativeTensorLeakTests runs it on
/// real TorchSharp (in a temporary working directory, for its relative checkpoint path) and checks that it leaks nothing.
/// </summary>
internal static class TrainingLoopExample
{
    public static void Train(IEnumerable<(float[] Profile, int[] Occupation, int[] Region, float[] Click, float[] WatchTime)> batches, FeedPle.TorchSharpModel.Batch testBatch, int epochs)
    {
        Device device = FeedPle.TorchSharpModel.PreferredDevice();
        using FeedPle.TorchSharpModel model = FeedPle.TorchSharpModel.Create(seed: 1, device);
        using var optimizer = model.CreateOptimizer(learningRate: 1e-3);
        model.train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach ((float[] profile, int[] occupation, int[] region, float[] click, float[] watchTime) in batches)
            {
                using var scope = torch.NewDisposeScope();
                var batch = FeedPle.TorchSharpModel.Batch.FromArrays(profile, occupation, region).ToDevice(device);
                var labels = FeedPle.TorchSharpModel.Labels.FromArrays(click, watchTime).ToDevice(device);
                float loss = model.TrainStep(batch, labels, epoch, optimizer);
            }
        }

        model.eval();
        model.GateStatistics = new PleGen.Runtime.Models.GateStatistics();
        using (torch.NewDisposeScope())
        {
            FeedPle.TorchSharpModel.Output output = model.Predict(testBatch);
            Tensor probability = output.ClickProbability;
        }

        PleGen.Runtime.Models.GateReport utilization = model.GateStatistics.Report();
        model.Save("feed-ple.safetensors");
        model.Load("feed-ple.safetensors");
    }
}
