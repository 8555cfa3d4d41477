using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>
/// A generated model under the Trainer when something is wrong: data checked before the first step, a task without
/// validation samples reported as no metric, and a failure mid-training leaving the best parameters in evaluation mode.
/// </summary>
public sealed class TrainerReliabilityTests
{
    private static SyntheticTasks.Dataset Data(int n, ulong seed, Func<float[], float[]>? shareMask = null)
    {
        ManagedModelTests.Data d = ManagedModelTests.Make(n, seed);
        return new SyntheticTasks.Dataset(d.User, d.Item, d.Click, d.Dwell, d.Share, shareMask is null ? d.ShareMask : shareMask(d.ShareMask));
    }

    private static float[][] Snapshot(IMultiTaskModel model) => [.. model.Parameters.Select(p => p.Tensor.ToArray())];

    [Fact]
    public void An_all_zero_mask_on_an_unmonitored_task_gives_no_metric_instead_of_aborting()
    {
        var model = new SyntheticPle(3);
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions { Epochs = 2, BatchSize = 128, MonitorTask = "click" });
        SyntheticTasks.Dataset validation = Data(256, 2, mask => new float[mask.Length]);

        TrainingHistory history = trainer.Fit(Data(512, 1), validation);

        Assert.Equal(2, history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.True(double.IsNaN(e.Validation["share"]), $"share {e.Validation["share"]}"));
        Assert.All(history.Epochs, e => Assert.InRange(e.Validation["click"], 0.5, 1.0));
        Assert.True(double.IsNaN(Evaluation.Run(model, validation)["share"]));
    }

    [Fact]
    public void A_monitored_task_without_validation_samples_is_refused_before_the_first_step()
    {
        var model = new SyntheticPle(3);
        float[][] before = Snapshot(model);
        int steps = 0;
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions
        {
            Epochs = 2, BatchSize = 128, MonitorTask = "share", Progress = _ => steps++,
        });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(Data(512, 1), Data(256, 2, mask => new float[mask.Length])));

        Assert.Contains("task 'share' is monitored but has no sample in its sample space in the validation data (its mask is all 0)", error.Message);
        Assert.Equal(0, steps);
        Assert.Equal(before, Snapshot(model));
        Assert.False(model.Training);
    }

    [Fact]
    public void A_failure_mid_training_leaves_the_best_epoch_in_evaluation_mode()
    {
        var model = new SyntheticPle(3);
        var atEpoch = new List<(double Auc, float[][] Parameters)>();
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions
        {
            Epochs = 5, BatchSize = 128, MonitorTask = "click", Patience = 0,
            Progress = p =>
            {
                if (p.CompletedEpoch is { } done)
                {
                    atEpoch.Add((done.Validation["click"], Snapshot(model)));
                }
                else if (p.Epoch == 2 && p.Batch == 2)
                {
                    throw new InvalidOperationException("the data loader crashed");
                }
            },
        });

        var error = Assert.Throws<TrainingException>(() => trainer.Fit(Data(1024, 1), Data(256, 2)));

        Assert.Equal("the data loader crashed", error.InnerException?.Message);
        Assert.Equal(2, atEpoch.Count);
        int best = atEpoch[1].Auc > atEpoch[0].Auc ? 1 : 0;
        Assert.Equal(best, error.History.BestEpoch);
        Assert.True(error.BestParametersRestored);
        Assert.Equal(atEpoch[best].Parameters, Snapshot(model));
        Assert.False(model.Training);
        Assert.Contains($"with the parameters of epoch {best} (click auc ", error.Message);
    }
}
