using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Runtime.Tests.Training;

/// <summary>
/// Fit checks its data before the first step, gives a task without validation samples no metric instead of failing,
/// and whatever goes wrong during training leaves the model in evaluation mode with the best parameters so far.
/// </summary>
public sealed class TrainerFailureTests : IDisposable
{
    private static readonly TaskInfo Dwell = new("dwell", IsBinary: false, Masked: false);
    private static readonly TaskInfo Click = new("click", IsBinary: true, Masked: false);
    private static readonly TaskInfo Share = new("share", IsBinary: true, Masked: true);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-trainer-" + Guid.NewGuid().ToString("N"));

    public TrainerFailureTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_step_failing_midway_leaves_evaluation_mode_and_the_best_parameters_and_says_so()
    {
        var session = new ScriptedSession(Dwell) { Failure = step => step == 4 ? new InvalidOperationException("the device was lost") : null };
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 6, BatchSize = 10, Patience = 0 });
        ScriptedData data = ScriptedData.Uniform(10, 1, 3f);

        var error = Assert.Throws<TrainingException>(() => trainer.Fit(data, data));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.False(session.Training);
        Assert.Equal(3f, session.Parameter);                   // epoch 2's: MSE 0, the best
        Assert.True(error.BestParametersRestored);
        Assert.Equal(3, error.History.Epochs.Count);
        Assert.Equal(2, error.History.BestEpoch);
        Assert.Equal(0.0, error.History.BestMetric);
        Assert.Contains("Training failed in epoch 3 (counting from 0), at batch 1 of 1: the device was lost", error.Message);
        Assert.Contains("The model is in evaluation mode with the parameters of epoch 2 (dwell mse 0), the best so far, restored", error.Message);
    }

    [Theory]
    [InlineData(true, "no epoch had been validated yet")]
    [InlineData(false, "no validation data was given")]
    public void A_failure_before_any_best_parameters_says_there_were_none_to_restore(bool validate, string reason)
    {
        var session = new ScriptedSession(Dwell) { Failure = step => step == 2 ? new ArithmeticException("overflow in the loss") : null };
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 3, BatchSize = 5 });
        ScriptedData data = ScriptedData.Uniform(10, 1, 3f);

        var error = Assert.Throws<TrainingException>(() => trainer.Fit(data, validate ? data : null));

        Assert.IsType<ArithmeticException>(error.InnerException);
        Assert.False(session.Training);
        Assert.False(error.BestParametersRestored);
        Assert.Empty(error.History.Epochs);
        Assert.Contains("Training failed in epoch 0 (counting from 0), at batch 2 of 2: overflow in the loss", error.Message);
        Assert.Contains($"The model is in evaluation mode with the parameters the failure left ({reason}, so there are no best parameters to restore)", error.Message);
    }

    [Fact]
    public void A_failing_progress_callback_is_reported_the_same_way()
    {
        var session = new ScriptedSession(Dwell);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions
        {
            Epochs = 6, BatchSize = 10, Patience = 0, Progress = p => { if (p.CompletedEpoch?.Epoch == 3) { throw new IOException("the log disk is full"); } },
        });
        ScriptedData data = ScriptedData.Uniform(10, 1, 3f);

        var error = Assert.Throws<TrainingException>(() => trainer.Fit(data, data));

        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains("Training failed after epoch 3 (counting from 0), in the progress callback: the log disk is full", error.Message);
        Assert.False(session.Training);
        Assert.Equal(3f, session.Parameter);
        Assert.Equal(4, error.History.Epochs.Count);
    }

    [Fact]
    public void A_best_checkpoint_that_cannot_be_written_midway_is_reported_with_the_best_parameters_restored()
    {
        string checkpoint = Path.Combine(_directory, "best.safetensors");
        var session = new ScriptedSession(Dwell);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions
        {
            Epochs = 6, BatchSize = 10, Patience = 0, BestCheckpointPath = checkpoint,
            // After epoch 0's checkpoint, something makes the path unusable.
            Progress = p => { if (p.CompletedEpoch?.Epoch == 1) { File.Delete(checkpoint); Directory.CreateDirectory(checkpoint); } },
        });
        ScriptedData data = ScriptedData.Uniform(10, 1, 3f);

        var error = Assert.Throws<TrainingException>(() => trainer.Fit(data, data));

        Assert.IsType<CheckpointException>(error.InnerException);
        Assert.Contains($"Training failed after epoch 1 (counting from 0), saving the best checkpoint to {checkpoint}", error.Message);
        Assert.Contains("is a directory", error.Message);
        Assert.False(session.Training);
        Assert.Equal(2f, session.Parameter);                   // epoch 1 was the best when it failed
        Assert.Equal(1, error.History.BestEpoch);
    }

    [Fact]
    public void An_unmonitored_task_without_validation_samples_has_no_metric()
    {
        var session = new ScriptedSession(Dwell, Click, Share);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 3, BatchSize = 10, Patience = 0, MonitorTask = "dwell" });
        float[] mixed = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
        ScriptedData train = ScriptedData.Uniform(10, 3, 3f).WithLabels(1, mixed).WithLabels(2, mixed);
        ScriptedData validation = ScriptedData.Uniform(10, 3, 1f).WithLabels(0, Enumerable.Repeat(3f, 10).ToArray()).WithMask(2, new float[10]);

        TrainingHistory history = trainer.Fit(train, validation);

        Assert.Equal(3, history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.True(double.IsNaN(e.Validation["share"])));  // no sample in its sample space
        Assert.All(history.Epochs, e => Assert.True(double.IsNaN(e.Validation["click"])));  // one class only: AUC undefined
        Assert.Equal(2, history.BestEpoch);
        Assert.True(double.IsNaN(Evaluation.Run(session, validation)["share"]));
    }

    [Fact]
    public void A_task_with_a_metric_keeps_it_beside_one_without()
    {
        var session = new ScriptedSession(Click, Share);
        float[] mixed = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
        ScriptedData data = ScriptedData.Uniform(10, 2, 0f).WithLabels(0, mixed).WithMask(1, new float[10]);

        var metrics = Evaluation.Run(session, data);

        Assert.Equal(0.5, metrics["click"]);
        Assert.True(double.IsNaN(metrics["share"]));
    }

    public static TheoryData<string, string?, Func<ScriptedData, ScriptedData>, string> BadValidationData() => new()
    {
        { "no samples", null, _ => ScriptedData.Uniform(0, 3, 1f), "the validation data has no samples" },
        { "labels missing", null, d => d.WithLabels(0, new float[9]), "task 'dwell' has 9 labels in the validation data, but it has 10 samples" },
        { "mask too short", null, d => d.WithMask(2, new float[9]), "the mask of task 'share' has 9 values in the validation data, but it has 10 samples" },
        { "mask not 0/1", null, d => d.WithMask(2, [1, 1, 1, 0.5f, 1, 1, 1, 1, 1, 1]), "the mask of task 'share' in the validation data must hold 0 or 1, but sample 3 has 0.5" },
        { "soft binary label", null, d => d.WithLabels(1, [0, 1, 0.5f, 1, 0, 1, 0, 1, 0, 1]), "the label of binary task 'click' at sample 2 of the validation data is 0.5; AUC needs labels of 0 or 1" },
        { "NaN target", null, d => d.WithLabels(0, [1, 1, 1, 1, 1, 1, 1, float.NaN, 1, 1]), "the label of task 'dwell' at sample 7 of the validation data is NaN, not a finite number" },
        { "monitored task masked out", "share", d => d.WithMask(2, new float[10]), "task 'share' is monitored but has no sample in its sample space in the validation data (its mask is all 0)" },
        { "monitored task with one class", "click", d => d.WithLabels(1, Enumerable.Repeat(1f, 10).ToArray()), "task 'click' is monitored but its validation samples are all of one class (10 positives, 0 negatives), so its AUC is undefined" },
        { "every task monitored, one masked out", TrainerOptions.AllTasks, d => d.WithMask(2, new float[10]), "task 'share' is monitored but has no sample in its sample space in the validation data" },
    };

    [Theory]
    [MemberData(nameof(BadValidationData))]
    public void Validation_data_that_cannot_be_evaluated_is_refused_before_the_first_step(string what, string? monitor, Func<ScriptedData, ScriptedData> damage, string expected)
    {
        Assert.NotNull(what);
        // Every task monitored: three binary tasks (a mean of AUCs); otherwise dwell (MSE), click and share.
        bool allTasks = monitor == TrainerOptions.AllTasks;
        ScriptedSession session = allTasks ? new ScriptedSession(Click, new TaskInfo("like", true, false), Share) : new ScriptedSession(Dwell, Click, Share);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 2, BatchSize = 4, MonitorTask = monitor ?? "dwell" });
        float[] mixed = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
        ScriptedData good = ScriptedData.Uniform(10, 3, 3f).WithLabels(1, mixed).WithLabels(2, mixed);
        if (allTasks)
        {
            good = good.WithLabels(0, mixed);
        }

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(good, damage(good)));

        Assert.Contains(expected, error.Message);
        Assert.Contains("Nothing was trained", error.Message);
        Assert.Equal(0, session.Steps);
        Assert.False(session.Training);
    }

    public static TheoryData<string, Func<ScriptedData, ScriptedData>, string> BadTrainingData() => new()
    {
        { "no samples", _ => ScriptedData.Uniform(0, 3, 1f), "the training data has no samples" },
        { "labels missing", d => d.WithLabels(2, new float[12]), "task 'share' has 12 labels in the training data, but it has 10 samples" },
        { "binary label out of range", d => d.WithLabels(1, [0, 1, 0, 1, 1.5f, 0, 0, 1, 0, 1]), "the label of binary task 'click' at sample 4 of the training data is 1.5, not in [0, 1]" },
        { "monitored task masked out", d => d.WithMask(0, new float[10]), "task 'dwell' is monitored but has no sample in its sample space in the training data (its mask is all 0)" },
    };

    [Theory]
    [MemberData(nameof(BadTrainingData))]
    public void Training_data_that_cannot_train_the_monitored_task_is_refused_before_the_first_step(string what, Func<ScriptedData, ScriptedData> damage, string expected)
    {
        Assert.NotNull(what);
        var session = new ScriptedSession(Dwell, Click, Share);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 2, BatchSize = 4, MonitorTask = "dwell" });
        float[] mixed = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
        ScriptedData good = ScriptedData.Uniform(10, 3, 3f).WithLabels(1, mixed).WithLabels(2, mixed);

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(damage(good), good));

        Assert.Contains(expected, error.Message);
        Assert.Equal(0, session.Steps);
    }

    [Fact]
    public void Soft_binary_labels_train_and_an_unmonitored_task_may_have_no_training_samples()
    {
        var session = new ScriptedSession(Dwell, Click, Share);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 1, BatchSize = 4, MonitorTask = "dwell" });
        ScriptedData train = ScriptedData.Uniform(10, 3, 3f).WithLabels(1, Enumerable.Repeat(0.25f, 10).ToArray()).WithMask(2, new float[10]).WithLabels(2, new float[10]);

        TrainingHistory history = trainer.Fit(train);

        Assert.Single(history.Epochs);
        Assert.Equal(3, session.Steps);
    }

    [Fact]
    public void A_best_checkpoint_needs_validation_data_to_choose_it()
    {
        var session = new ScriptedSession(Dwell);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 2, BatchSize = 4, BestCheckpointPath = Path.Combine(_directory, "best.safetensors") });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(ScriptedData.Uniform(10, 1, 3f)));

        Assert.Contains("BestCheckpointPath is set but no validation data was given", error.Message);
        Assert.Equal(0, session.Steps);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_best_checkpoint_path_that_cannot_be_written_is_refused_before_the_first_step()
    {
        string directory = Path.Combine(_directory, "runs");
        Directory.CreateDirectory(directory);
        var session = new ScriptedSession(Dwell);
        var trainer = new Trainer<ScriptedData>(session, new TrainerOptions { Epochs = 2, BatchSize = 4, BestCheckpointPath = directory });
        ScriptedData data = ScriptedData.Uniform(10, 1, 3f);

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(data, data));

        Assert.Contains($"TrainerOptions.BestCheckpointPath cannot be written", error.Message);
        Assert.Contains("is a directory", error.Message);
        Assert.IsType<CheckpointException>(error.InnerException);
        Assert.Equal(0, session.Steps);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }
}
