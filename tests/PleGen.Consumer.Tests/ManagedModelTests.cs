using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Memory;
using PleGen.Runtime.Models;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>The generated models on the managed engine: parameters, forward, joint loss, entry checks, checkpoints, learning.</summary>
public sealed class ManagedModelTests
{
    private const int N = 512;

    /// <summary>Synthetic data: click depends on user[0] and the item, dwell on user[1], share on user[2] (in its sample space).</summary>
    internal sealed record Data(float[] User, int[] Item, float[] Click, float[] Dwell, float[] Share, float[] ShareMask);

    internal static Data Make(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var user = new float[n * 4];
        random.FillNormal(user, 0f, 1f);
        var item = new int[n];
        var click = new float[n];
        var dwell = new float[n];
        var share = new float[n];
        var mask = new float[n];
        for (int i = 0; i < n; i++)
        {
            item[i] = random.NextInt(10);
            click[i] = user[i * 4] + (item[i] < 5 ? 1f : -1f) > 0 ? 1f : 0f;
            dwell[i] = (2f * user[(i * 4) + 1]) + 0.5f;
            share[i] = user[(i * 4) + 2] > 0 ? 1f : 0f;
            mask[i] = random.NextFloat() < 0.6f ? 1f : 0f;
        }

        return new Data(user, item, click, dwell, share, mask);
    }

    public static IEnumerable<object[]> Models() => new[]
    {
        new object[] { "PLE" }, new object[] { "CGC" }, new object[] { "MMoE" }, new object[] { "ML-MMoE" }, new object[] { "SharedBottom" }, new object[] { "SingleTask" },
    };

    private interface IHarness
    {
        IMultiTaskModel Model { get; }

        long TotalParameters { get; }

        IReadOnlyList<ArchitectureModule> Modules { get; }

        (Tensor Click, Tensor Dwell, Tensor Share, Tensor Total) Step(Data data, int epoch);
    }

    // One adapter per generated class: the generated types are distinct, so tests reach them through this seam.
    private static IHarness Create(string architecture, ulong seed) => architecture switch
    {
        "PLE" => new Harness<SyntheticPle>(new SyntheticPle(seed), SyntheticPle.Architecture.TotalParameters, SyntheticPle.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
        "CGC" => new Harness<SyntheticCgc>(new SyntheticCgc(seed), SyntheticCgc.Architecture.TotalParameters, SyntheticCgc.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
        "MMoE" => new Harness<SyntheticMmoe>(new SyntheticMmoe(seed), SyntheticMmoe.Architecture.TotalParameters, SyntheticMmoe.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
        "ML-MMoE" => new Harness<SyntheticDeepMmoe>(new SyntheticDeepMmoe(seed), SyntheticDeepMmoe.Architecture.TotalParameters, SyntheticDeepMmoe.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
        "SharedBottom" => new Harness<SyntheticSharedBottom>(new SyntheticSharedBottom(seed), SyntheticSharedBottom.Architecture.TotalParameters, SyntheticSharedBottom.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
        _ => new Harness<SyntheticSingleTask>(new SyntheticSingleTask(seed), SyntheticSingleTask.Architecture.TotalParameters, SyntheticSingleTask.Architecture.Modules,
            (m, d, e) => { var o = m.Forward(new SyntheticTasks.Batch(d.User, d.Item)); var l = m.Loss(o, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask), e); return (o.ClickProbability, o.Dwell, o.ShareProbability, l.Total); }),
    };

    private sealed class Harness<T> : IHarness
        where T : IMultiTaskModel
    {
        private readonly T _model;
        private readonly Func<T, Data, int, (Tensor, Tensor, Tensor, Tensor)> _step;

        public Harness(T model, long total, IReadOnlyList<ArchitectureModule> modules, Func<T, Data, int, (Tensor, Tensor, Tensor, Tensor)> step)
        {
            _model = model;
            TotalParameters = total;
            Modules = modules;
            _step = step;
        }

        public IMultiTaskModel Model => _model;

        public long TotalParameters { get; }

        public IReadOnlyList<ArchitectureModule> Modules { get; }

        public (Tensor Click, Tensor Dwell, Tensor Share, Tensor Total) Step(Data data, int epoch) => _step(_model, data, epoch);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Parameters_match_the_compile_time_architecture(string architecture)
    {
        IHarness h = Create(architecture, 1);
        Assert.Equal(h.TotalParameters, h.Model.Parameters.Sum(p => (long)p.Tensor.Length));
        Assert.Equal(h.Model.Parameters.Count, h.Model.Parameters.Select(p => p.Name).Distinct().Count());
        foreach (ArchitectureModule module in h.Modules)
        {
            long owned = h.Model.Parameters.Where(p => p.Name.StartsWith(module.Name + ".", StringComparison.Ordinal)).Sum(p => (long)p.Tensor.Length);
            Assert.True(owned == module.Parameters, $"{architecture}: module {module.Name} has {owned} parameters, the summary says {module.Parameters}");
        }
    }

    [Fact]
    public void Parameter_names_follow_the_state_dict_convention()
    {
        string[] names = new SyntheticPle(0).Parameters.Select(p => p.Name).ToArray();
        Assert.Contains("embeddings.item.weight", names);
        Assert.Contains("levels.0.shared.1.layers.0.weight", names);
        Assert.Contains("levels.1.tasks.click.0.layers.0.bias", names);
        Assert.Contains("gates.dwell.1.weight", names);
        Assert.Contains("shared_gates.0.bias", names);
        Assert.DoesNotContain("shared_gates.1.weight", names);
        Assert.Contains("towers.share.1.weight", names);
        Assert.Contains("embeddings.click.item.weight", new SyntheticSingleTask(0).Parameters.Select(p => p.Name));
        Assert.Contains("bottom.layers.1.weight", new SyntheticSharedBottom(0).Parameters.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_architecture_learns_all_three_tasks(string architecture)
    {
        IHarness h = Create(architecture, 7);
        Data train = Make(N, 11), test = Make(N, 12);
        var adam = new Adam(h.Model.Parameters, 1e-2);
        var pool = new BufferPool();
        for (int epoch = 0; epoch < 60; epoch++)
        {
            using var scope = new TensorScope(pool);
            h.Step(train, 0).Total.Backward();
            adam.Step();
            adam.ZeroGrad();
        }

        h.Model.Training = false;
        using (Autograd.NoGrad())
        {
            var (click, dwell, share, _) = h.Step(test, 0);
            // A constant predictor scores AUC 0.5 and a dwell MSE equal to the variance (about 4).
            double clickAuc = PleGen.Runtime.Metrics.Metrics.RocAuc(click.Data, test.Click);
            double shareAuc = PleGen.Runtime.Metrics.Metrics.RocAuc(share.Data, test.Share, test.ShareMask);
            double dwellMse = PleGen.Runtime.Metrics.Metrics.MeanSquaredError(dwell.Data, test.Dwell);
            double variance = test.Dwell.Select(v => (double)v).Average(v => (v - test.Dwell.Average()) * (v - test.Dwell.Average()));
            Assert.True(clickAuc > 0.85, $"{architecture}: click AUC {clickAuc}");
            Assert.True(shareAuc > 0.85, $"{architecture}: share AUC {shareAuc}");
            Assert.True(dwellMse < 0.5 * variance, $"{architecture}: dwell MSE {dwellMse} vs variance {variance}");
        }
    }

    [Fact]
    public void Loss_weights_decay_per_epoch_and_masks_limit_the_sample_space()
    {
        Assert.Equal(1.0, SyntheticPle.DwellLossWeight(0));
        Assert.Equal(0.25, SyntheticPle.DwellLossWeight(2));
        Assert.Equal(1.0, SyntheticPle.ClickLossWeight(5));

        var model = new SyntheticPle(3);
        Data d = Make(16, 4);
        var output = model.Forward(new SyntheticTasks.Batch(d.User, d.Item));
        var none = model.Loss(output, new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, new float[16]), epoch: 2);
        Assert.Equal(0f, none.Share.Item());
        Assert.Equal(none.Click.Item() + (0.25f * none.Dwell.Item()), none.Total.Item(), 5);
    }

    [Fact]
    public void Bad_inputs_are_reported_at_entry_with_feature_and_shapes()
    {
        var e1 = Assert.Throws<ArgumentException>(() => new SyntheticTasks.Batch(new float[7], new int[2]));
        Assert.Contains("'user'", e1.Message);
        Assert.Contains("[batch, 4]", e1.Message);

        var e2 = Assert.Throws<ArgumentException>(() => new SyntheticTasks.Batch(new float[8], new int[3]));
        Assert.Contains("'item'", e2.Message);
        Assert.Contains("3 samples", e2.Message);
        Assert.Contains("batch has 2", e2.Message);

        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTasks.Batch(new float[8], new[] { 1, 10 }));
        Assert.Contains("id 10 at sample 1", e3.Message);
        Assert.Contains("[0, 10)", e3.Message);

        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTasks.Labels(new[] { 0f, 2f }, new float[2], new float[2]));
        Assert.Contains("'click'", e4.Message);

        var model = new SyntheticPle(0);
        var output = model.Forward(new SyntheticTasks.Batch(new float[8], new int[2]));
        var e5 = Assert.Throws<ArgumentException>(() => model.Loss(output, new SyntheticTasks.Labels(new float[3], new float[3], new float[3])));
        Assert.Contains("2 samples but the labels have 3", e5.Message);
    }

    [Fact]
    public void Save_and_load_restore_the_same_predictions()
    {
        var trained = new SyntheticCgc(5) { Training = false };
        var fresh = new SyntheticCgc(6) { Training = false };
        Data d = Make(32, 9);
        string path = Path.Combine(Path.GetTempPath(), "plegen-cgc-" + Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            trained.Save(path);
            fresh.Load(path);
            using (Autograd.NoGrad())
            {
                float[] a = trained.Forward(new SyntheticTasks.Batch(d.User, d.Item)).ClickProbability.ToArray();
                float[] b = fresh.Forward(new SyntheticTasks.Batch(d.User, d.Item)).ClickProbability.ToArray();
                Assert.Equal(a, b);
            }

            Assert.Throws<CheckpointException>(() => new SyntheticMmoe(0).Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_seed_builds_the_same_model()
    {
        float[] a = new SyntheticPle(42).Parameters.SelectMany(p => p.Tensor.ToArray()).ToArray();
        float[] b = new SyntheticPle(42).Parameters.SelectMany(p => p.Tensor.ToArray()).ToArray();
        float[] c = new SyntheticPle(43).Parameters.SelectMany(p => p.Tensor.ToArray()).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}

public sealed class GateStatisticsTests
{
    [Fact]
    public void Recording_reports_mean_and_std_per_gate_and_expert()
    {
        var model = new SyntheticPle(1) { Training = false, GateStatistics = new GateStatistics() };
        var random = new RandomSource(2);
        var user = new float[64 * 4];
        random.FillNormal(user, 0f, 1f);
        var item = new int[64];
        using (Autograd.NoGrad())
        {
            model.Forward(new SyntheticTasks.Batch(user, item));
            model.Forward(new SyntheticTasks.Batch(user, item));
        }

        GateReport report = model.GateStatistics.Report();
        // Level 0: three task gates and the shared gate; level 1 (the last): three task gates.
        Assert.Equal(new[] { "gates.click.0", "gates.dwell.0", "gates.share.0", "shared_gates.0", "gates.click.1", "gates.dwell.1", "gates.share.1" },
            report.Gates.Select(g => g.Gate));
        GateUtilization click = report.Gates[0];
        Assert.Equal(new[] { "levels.0.tasks.click.0", "levels.0.shared.0", "levels.0.shared.1" }, click.Experts);
        Assert.Equal(128, click.Samples);
        Assert.Equal(1.0, click.Mean.Sum(), 5);                 // softmax weights sum to one per sample
        Assert.All(click.Std, s => Assert.InRange(s, 0.0, 0.5));
        Assert.Equal(5, report.Gates[3].Experts.Count);          // the shared gate mixes all experts of its level
        Assert.Contains("levels.0.shared.1", report.ToString());
    }
}

public sealed class TrainerTests
{
    private static SyntheticTasks.Dataset Data(int n, ulong seed)
    {
        ManagedModelTests.Data d = ManagedModelTests.Make(n, seed);
        return new SyntheticTasks.Dataset(d.User, d.Item, d.Click, d.Dwell, d.Share, d.ShareMask);
    }

    [Fact]
    public void Trainer_learns_reports_progress_and_restores_the_best_epoch()
    {
        var model = new SyntheticPle(3);
        var progress = new System.Collections.Generic.List<TrainingProgress>();
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions
        {
            Epochs = 15, BatchSize = 128, ShuffleSeed = 1, MonitorTask = "click", Patience = 3, Progress = progress.Add,
        });
        SyntheticTasks.Dataset train = Data(2048, 1), validation = Data(512, 2);

        TrainingHistory history = trainer.Fit(train, validation);

        Assert.NotEmpty(history.Epochs);
        Assert.Equal(history.Epochs.Max(e => e.Validation["click"]), history.BestMetric);
        Assert.True(history.BestMetric > 0.9, $"click AUC {history.BestMetric}");
        IReadOnlyDictionary<string, double> after = trainer.Evaluate(validation);
        Assert.Equal(history.BestMetric, after["click"], 6);            // the best epoch's parameters are back
        Assert.True(after["share"] > 0.85, $"share AUC {after["share"]}");
        Assert.True(after["dwell"] < 1.0, $"dwell MSE {after["dwell"]}");
        Assert.Contains(progress, p => p.CompletedEpoch is not null && p.SamplesPerSecond > 0);
        Assert.Equal(16, progress.First().Batches);
        Assert.False(model.Training);
    }

    [Fact]
    public void Cancellation_stops_between_batches()
    {
        var model = new SyntheticPle(3);
        using var cancel = new System.Threading.CancellationTokenSource();
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, new Sgd(model.Parameters, 0.01), new TrainerOptions
        {
            Epochs = 5, BatchSize = 64, Progress = p => { if (p.Batch == 3) { cancel.Cancel(); } },
        });

        TrainingHistory history = trainer.Fit(Data(1024, 1), cancellation: cancel.Token);

        Assert.True(history.Cancelled);
        Assert.Empty(history.Epochs);
    }

    [Fact]
    public void Monitoring_all_tasks_keeps_the_epoch_with_the_best_mean_metric()
    {
        var model = new SmallMmoe(4);
        var random = new RandomSource(9);
        int n = 512;
        float[] x = new float[n * 5], a = new float[n], b = new float[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                x[(i * 5) + j] = (float)random.NextNormal();
            }

            a[i] = x[i * 5] + x[(i * 5) + 1] > 0 ? 1 : 0;
            b[i] = x[(i * 5) + 2] - x[(i * 5) + 3] > 0 ? 1 : 0;
        }

        var data = new SmallMmoe.Dataset(x, a, b);
        var trainer = new Trainer<SmallMmoe.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions
        {
            Epochs = 6, BatchSize = 64, MonitorTask = TrainerOptions.AllTasks, Patience = 0,
        });

        TrainingHistory history = trainer.Fit(data, data);

        double[] means = history.Epochs.Select(e => (e.Validation["a"] + e.Validation["b"]) / 2).ToArray();
        Assert.Equal(means.Max(), history.BestMetric, 12);
        Assert.Equal(Array.IndexOf(means, means.Max()), history.BestEpoch);
        IReadOnlyDictionary<string, double> after = trainer.Evaluate(data);
        Assert.Equal(history.BestMetric, (after["a"] + after["b"]) / 2, 6);
    }

    [Fact]
    public void Monitoring_all_tasks_needs_tasks_that_share_a_metric()
    {
        var model = new SyntheticPle(3);
        var error = Assert.Throws<ArgumentException>(() => new Trainer<SyntheticTasks.Dataset>(model, new Sgd(model.Parameters, 0.1), new TrainerOptions { MonitorTask = TrainerOptions.AllTasks }));
        Assert.Contains("mixes binary (AUC) and regression (MSE) tasks: click (auc), dwell (mse), share (auc)", error.Message);
    }

    [Fact]
    public void A_schedule_sets_the_learning_rate_before_every_step()
    {
        var model = new SyntheticPle(3);
        var optimizer = new Sgd(model.Parameters, 0.1);
        var schedule = new RecordingSchedule();
        var seen = new List<double>();
        var trainer = new Trainer<SyntheticTasks.Dataset>(model, optimizer, new TrainerOptions
        {
            Epochs = 2, BatchSize = 100, Schedule = schedule, Progress = p => { if (p.CompletedEpoch is null) { seen.Add(optimizer.LearningRate); } },
        });

        trainer.Fit(Data(250, 1));

        Assert.Equal([(0, 0, 3), (0, 1, 3), (0, 2, 3), (1, 0, 3), (1, 1, 3), (1, 2, 3)], schedule.Calls);
        Assert.Equal([0.1, 0.099, 0.098, 0.09, 0.089, 0.088], seen.Select(v => Math.Round(v, 6)));
    }

    private sealed class RecordingSchedule : ILearningRateSchedule
    {
        public List<(int Epoch, int Batch, int Batches)> Calls { get; } = [];

        public double LearningRate(int epoch, double initialLearningRate) => initialLearningRate * (1 - (0.1 * epoch));

        public double LearningRate(int epoch, int batch, int batchesPerEpoch, double initialLearningRate)
        {
            Calls.Add((epoch, batch, batchesPerEpoch));
            return LearningRate(epoch, initialLearningRate) - (0.001 * batch);
        }
    }

    [Fact]
    public void An_unknown_monitor_task_is_rejected()
    {
        var model = new SyntheticPle(3);
        var error = Assert.Throws<ArgumentException>(() => new Trainer<SyntheticTasks.Dataset>(model, new Sgd(model.Parameters, 0.1), new TrainerOptions { MonitorTask = "income" }));
        Assert.Contains("click, dwell, share", error.Message);
    }
}
