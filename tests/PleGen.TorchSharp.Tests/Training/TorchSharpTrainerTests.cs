using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Training;
using PleGen.TorchSharp.Tests.Generated;
using Xunit;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Training;

/// <summary>
/// PleGen.Runtime's Trainer drives a TorchSharp model through its <c>ForTrainer</c> session with the options a managed
/// model gets: epochs, mini-batches, Eq. 10 epochs, early stopping on the monitored task with the best epoch restored,
/// per-task AUC/MSE on each task's sample space.
/// </summary>
public sealed class TorchSharpTrainerTests
{
    private static readonly FeedTasks.Dataset Train = LearnableFeedData.Make(2048, 11);
    private static readonly FeedTasks.Dataset Validation = LearnableFeedData.Make(512, 12);

    [Fact]
    public void The_trainer_trains_a_TorchSharp_model_to_the_managed_models_quality()
    {
        var options = new TrainerOptions { Epochs = 6, BatchSize = 128, ShuffleSeed = 3, MonitorTask = "click", Patience = 0 };
        using FeedPle.TorchSharpModel torchModel = FeedPle.TorchSharpModel.Create(seed: 1);
        using optim.Optimizer optimizer = torchModel.CreateOptimizer(3e-3);
        using ITrainingSession<FeedTasks.Dataset> session = torchModel.ForTrainer(optimizer);
        TrainingHistory torchHistory = new Trainer<FeedTasks.Dataset>(session, options).Fit(Train, Validation);

        var managedModel = new FeedPle(seed: 1);
        TrainingHistory managedHistory = new Trainer<FeedTasks.Dataset>(managedModel, new Adam(managedModel.Parameters, 3e-3), options).Fit(Train, Validation);

        Assert.Equal(6, torchHistory.Epochs.Count);
        double torchAuc = torchHistory.Epochs[^1].Validation["click"], managedAuc = managedHistory.Epochs[^1].Validation["click"];
        Assert.True(torchAuc > 0.9, $"TorchSharp click AUC {torchAuc:F4}");
        Assert.True(Math.Abs(torchAuc - managedAuc) < 0.03, $"TorchSharp {torchAuc:F4} vs managed {managedAuc:F4}");
        double torchMse = torchHistory.Epochs[^1].Validation["watch_time"];
        Assert.True(torchMse < 0.5 * torchHistory.Epochs[0].Validation["watch_time"] || torchMse < 0.2, $"watch_time MSE {torchMse:F4} after {torchHistory.Epochs[0].Validation["watch_time"]:F4}");
        Assert.True(torchHistory.Epochs[^1].TrainLoss < torchHistory.Epochs[0].TrainLoss);
        Assert.False(session.Training);
    }

    [Fact]
    public void Early_stopping_restores_the_best_epoch_of_the_TorchSharp_model()
    {
        string checkpoint = Path.Combine(Path.GetTempPath(), $"plegen-ts-best-{Guid.NewGuid():N}.safetensors");
        try
        {
            // A learning rate far too high makes validation AUC wander, so early stopping has something to restore.
            using FeedPle.TorchSharpModel model = FeedPle.TorchSharpModel.Create(seed: 2);
            using optim.Optimizer optimizer = model.CreateOptimizer(0.05);
            using ITrainingSession<FeedTasks.Dataset> session = model.ForTrainer(optimizer);
            var trainer = new Trainer<FeedTasks.Dataset>(session, new TrainerOptions { Epochs = 12, BatchSize = 64, MonitorTask = "click", Patience = 2, BestCheckpointPath = checkpoint });
            TrainingHistory history = trainer.Fit(Train, Validation);

            double best = history.Epochs.Max(e => e.Validation["click"]);
            Assert.Equal(best, history.BestMetric);
            Assert.Equal(history.Epochs.First(e => e.Validation["click"] == best).Epoch, history.BestEpoch);
            Assert.Equal(best, trainer.Evaluate(Validation)["click"], 6);

            // The best checkpoint is the restored model: the managed flavor loads it and scores the same.
            var managed = new FeedPle();
            managed.Load(checkpoint);
            Assert.Equal(best, Evaluation.Run(managed, Validation)["click"], 4);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public void A_learning_rate_schedule_reaches_the_TorchSharp_optimizer()
    {
        using FeedPle.TorchSharpModel model = FeedPle.TorchSharpModel.Create(seed: 3);
        using optim.Optimizer optimizer = model.CreateOptimizer(1e-3);
        using ITrainingSession<FeedTasks.Dataset> session = model.ForTrainer(optimizer);
        var seen = new List<double>();
        new Trainer<FeedTasks.Dataset>(session, new TrainerOptions
        {
            Epochs = 2,
            BatchSize = 1024,
            Schedule = new StepLearningRate(stepSize: 1, gamma: 0.5),
            Progress = p => seen.Add(session.LearningRate),
        }).Fit(Train);

        Assert.Equal(1e-3, optimizer.ParamGroups.First().LearningRate * 2, 12);
        Assert.Contains(1e-3, seen);
    }
}
