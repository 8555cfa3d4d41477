using System.Collections.Generic;
using PleGen.Runtime.Training;
using PleGen.TorchSharp.Tests.Generated;
using TorchSharp;
using Xunit;

namespace PleGen.TorchSharp.Tests.Training;

/// <summary>README's "Using PleGen with TorchSharp" Trainer snippet, line for line (FeedPle's tasks are click and watch_time).</summary>
public sealed class ReadmeTrainerExampleTests
{
    [Fact]
    public void The_README_trainer_snippet_trains_and_evaluates()
    {
        FeedTasks.Dataset train = LearnableFeedData.Make(4096, 21), validation = LearnableFeedData.Make(1024, 22), testSet = LearnableFeedData.Make(1024, 23);

        using FeedPle.TorchSharpModel model = FeedPle.TorchSharpModel.Create(seed: 1, FeedPle.TorchSharpModel.PreferredDevice());
        using torch.optim.Optimizer optimizer = model.CreateOptimizer(learningRate: 1e-3);
        using ITrainingSession<FeedTasks.Dataset> session = model.ForTrainer(optimizer);
        var trainer = new Trainer<FeedTasks.Dataset>(session, new TrainerOptions { Epochs = 10, BatchSize = 512, MonitorTask = "click", Patience = 3 });
        TrainingHistory history = trainer.Fit(train, validation);
        IReadOnlyDictionary<string, double> test = trainer.Evaluate(testSet);

        Assert.InRange(history.BestEpoch, 0, 9);
        Assert.Equal(["click", "watch_time"], test.Keys);
        Assert.True(test["click"] > 0.8, $"click AUC {test["click"]:F3}");
    }
}
