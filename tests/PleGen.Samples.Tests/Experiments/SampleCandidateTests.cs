using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System;
using PleGen.Runtime.Data;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using PleGen.Runtime.Training;
using PleGen.Samples.CensusSample;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;
using PleGen.Samples.Synthetic;
using PleGen.Samples.SyntheticSample;
using Xunit;

namespace PleGen.Samples.Tests.Experiments;

/// <summary>
/// The samples' generated models under the runtime's runner, in process, on both backends: reproducible, real gates recorded
/// for gated models only, failed runs recorded by the sample's experiment loop. The runner's own behaviour (per-task stopping,
/// best epochs, cancellation, summaries) is tested in PleGen.Runtime.Tests.
/// </summary>
public sealed class SampleCandidateTests
{
    private static readonly SyntheticSplits Data = new SyntheticTaskGenerator(new SyntheticTaskSettings(0.5, 7) { Dimension = 512 })
        .GenerateSplits(1500, new SplitFractions(0.8, 0.1, 0.1));

    private static readonly TrainingSettings Quick = new() { Epochs = 2, BatchSize = 128, Seeds = [1] };

    private static readonly ExperimentData<SyntheticTasks.Dataset> Splits = new(SyntheticExperiment.Dataset(Data.Train), SyntheticExperiment.Dataset(Data.Validation), SyntheticExperiment.Dataset(Data.Test));

    [Fact]
    public void Same_seed_gives_the_same_test_metrics_and_the_gated_models_report_their_gates()
    {
        SeedRun first = Run("PLE", 3, Quick);
        SeedRun again = Run("PLE", 3, Quick);
        SeedRun other = Run("PLE", 4, Quick);

        Assert.Equal(first.TestMetrics, again.TestMetrics);
        Assert.NotEqual(first.TestMetric("task1").Value, other.TestMetric("task1").Value);
        Assert.Equal(2, first.History.Epochs.Count);
        Assert.Equal(["gates.task1.0", "gates.task2.0", "shared_gates.0", "gates.task1.1", "gates.task2.1"], first.GateReport!.Gates.Select(g => g.Gate));
        Assert.All(first.GateReport.Gates, g => Assert.Equal(Data.Test.Count, g.Samples));
        Assert.Null(Run("SharedBottom", 3, Quick).GateReport);
    }

    [Fact]
    public void Only_the_single_task_baseline_stops_per_task_and_its_run_holds_one_history_per_task()
    {
        Assert.Equal([SyntheticCandidates.SingleTask], SyntheticCandidates.All.Where(c => c.StopsPerTask).Select(c => c.Name));
        SeedRun run = Run(SyntheticCandidates.SingleTask, 2, Quick);

        Assert.Equal(["task1", "task2"], run.TaskHistories!.Keys.Order());
        Assert.All(run.TestMetrics, m => Assert.Equal(("mse", MetricDirection.LowerIsBetter), (m.Metric, m.Direction)));
    }

    [Fact]
    public void A_failing_run_is_recorded_with_its_error_and_the_experiment_goes_on_with_the_next_runs()
    {
        ModelFlavors<SyntheticTasks.Dataset> real = SyntheticCandidates.All.Single(c => c.Name == "PLE");
        var sessions = new List<SabotagedSession<SyntheticTasks.Dataset>>();
        ModelRun<SyntheticTasks.Dataset> Sabotaged(ModelRun<SyntheticTasks.Dataset> run, int failAtStep = -1, float? prediction = null)
        {
            var session = new SabotagedSession<SyntheticTasks.Dataset>(run.Session, failAtStep, prediction);
            sessions.Add(session);
            return new ModelRun<SyntheticTasks.Dataset>(session, run.AttachGates);
        }

        // PLE diverges at its third mini-batch with seed 1, predicts NaN with seed 2 and infinity with seed 3, trains normally with seed 4.
        var ple = new ModelFlavors<SyntheticTasks.Dataset>("PLE", (backend, seed, settings) => seed switch
        {
            1 => Sabotaged(real.Start(backend, seed, settings), failAtStep: 3),
            2 => Sabotaged(real.Start(backend, seed, settings), prediction: float.NaN),
            3 => Sabotaged(real.Start(backend, seed, settings), prediction: float.PositiveInfinity),
            _ => real.Start(backend, seed, settings),
        });
        var options = new SyntheticExperimentOptions { Correlations = [0.5], Samples = 600, Training = Quick with { Epochs = 1, Seeds = [1, 2, 3, 4] } };
        var results = new ExperimentResults(SyntheticExperiment.TaskMetrics, SyntheticCandidates.SingleTask);
        var observer = new RecordingObserver();

        SyntheticExperiment.Run(options, [SyntheticCandidates.All[0], ple], results, observer, CancellationToken.None);

        Assert.Equal(["SingleTask 1", "SingleTask 2", "SingleTask 3", "SingleTask 4", "PLE 4"], results.Runs.Select(r => $"{r.Model} {r.Seed}"));
        Assert.Equal(["PLE 1 NonFiniteLossException", "PLE 2 ArgumentException", "PLE 3 NonFiniteMetricException"], results.Failures.Select(f => $"{f.Model} {f.Seed} {f.ErrorType}"));
        Assert.Equal("loss of task 'task1' is NaN at step 3", results.Failures[0].Error);
        Assert.Contains("is NaN", results.Failures[1].Error); // the runtime's metrics refuse NaN predictions
        Assert.Equal("the test metric of task 'task1' is Infinity: the model diverged; try a lower learning rate", results.Failures[2].Error);
        Assert.Equal(["PLE 1", "PLE 2", "PLE 3"], observer.Failed);
        Assert.Equal(5, observer.Finished.Count);
        Assert.All(sessions, s => Assert.True(s.Disposed)); // a failed run frees its model too (native memory with TorchSharp)

        ResultTable table = results.Table();
        ResultRow single = table.Find("SingleTask", "task1", "mse", 0.5)!, pleRow = table.Find("PLE", "task1", "mse", 0.5)!;
        Assert.Single(pleRow.Values); // seed 4 only
        Assert.Equal(single.Mean - pleRow.Mean, pleRow.MtlGain!.Value, 12); // the finished runs' means
        Assert.Equal([1UL, 2UL, 3UL], table.FailuresOf("PLE", 0.5).Select(f => f.Seed));
        Assert.Equal(["finished", "finished", "finished", "finished", "failed", "failed", "failed", "finished"], results.RunsJson().Select(r => r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_model_of_the_comparison_trains_on_the_task_groups_one_dataset()
    {
        SyntheticTasks.Dataset train = Splits.Train;
        foreach (ModelFlavors<SyntheticTasks.Dataset> model in SyntheticCandidates.All)
        {
            using ModelRun<SyntheticTasks.Dataset> run = model.Start(Backend.Managed, 5, Quick);
            Assert.Equal(Data.Train.Count, run.Session.Count(train));
            Assert.Equal(Data.Train.Y2, run.Session.Labels(train, 1).ToArray());
            Assert.Equal(["task1", "task2"], run.Session.TaskInfos.Select(t => t.Name));
        }

        var managedOnly = ModelFlavors<SyntheticTasks.Dataset>.Of("PLE", SyntheticPle.Architecture.TotalParameters, seed => new SyntheticPle(seed));
        var error = Assert.Throws<ArgumentException>(() => managedOnly.Start(Backend.TorchSharp, 5, Quick));
        Assert.Contains("PLE has no TorchSharp flavor", error.Message);
    }

    [Fact]
    public void Every_candidate_of_both_samples_attaches_gate_statistics_on_both_backends_exactly_when_its_architecture_has_gates()
    {
        AssertGates(SyntheticCandidates.All);
        AssertGates(CensusCandidates.All);
        // OMoE's one gate is recorded like the others' (under its parameter name).
        Assert.Equal(["gate"], Run("OMoE", 3, Quick).GateReport!.Gates.Select(g => g.Gate));
        Assert.All(new[] { "AsymmetricSharing", "CustomizedSharing", "CrossStitch" }, m => Assert.Null(Run(m, 3, Quick).GateReport));
    }

    [Fact]
    public void The_TorchSharp_backend_trains_the_same_candidates_and_records_their_gates()
    {
        TrainingSettings torch = Quick with { Backend = Backend.TorchSharp };
        SeedRun first = Run("PLE", 3, torch);
        SeedRun again = Run("PLE", 3, torch);
        SeedRun managed = Run("PLE", 3, Quick);
        double firstTask1 = first.TestMetric("task1").Value, managedTask1 = managed.TestMetric("task1").Value;

        // Same seed, same TorchSharp run up to libtorch's multi-threaded summation order (measured: 2e-9 relative); a
        // different backend draws other initial weights but learns the same tasks.
        Assert.Equal(firstTask1, again.TestMetric("task1").Value, 1e-6 * firstTask1);
        Assert.Equal(2, first.History.Epochs.Count);
        Assert.True(first.History.Epochs[^1].TrainLoss < first.History.Epochs[0].TrainLoss);
        Assert.True(Math.Abs(firstTask1 - managedTask1) < 0.5 * managedTask1, $"TorchSharp {firstTask1:F3} vs managed {managedTask1:F3}");
        Assert.Equal(managed.GateReport!.Gates.Select(g => g.Gate), first.GateReport!.Gates.Select(g => g.Gate));
        Assert.All(first.GateReport.Gates, g => Assert.Equal(Data.Test.Count, g.Samples));
    }

    /// <summary>--optimizer reaches the TorchSharp backend: a model trains there with each of the optimizers.</summary>
    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adagrad)]
    public void Every_optimizer_trains_on_the_TorchSharp_backend(OptimizerKind optimizer)
    {
        SeedRun run = Run("MMoE", 3, Quick with { Backend = Backend.TorchSharp, Optimizer = optimizer, LearningRate = 1e-2 });
        Assert.True(run.History.Epochs[^1].TrainLoss < run.History.Epochs[0].TrainLoss, $"{optimizer}: train loss {run.History.Epochs[0].TrainLoss} then {run.History.Epochs[^1].TrainLoss}");
    }

    private static void AssertGates<TDataset>(IReadOnlyList<ModelFlavors<TDataset>> candidates)
        where TDataset : class
    {
        foreach (ModelFlavors<TDataset> candidate in candidates)
        {
            var modules = (IReadOnlyList<ArchitectureModule>)candidate.ModelType!.GetNestedType("Architecture")!.GetProperty("Modules")!.GetValue(null)!;
            bool gated = modules.Any(m => m.Kind == ModuleKind.Gate);
            foreach (Backend backend in new[] { Backend.Managed, Backend.TorchSharp })
            {
                using ModelRun<TDataset> run = candidate.Start(backend, 1, Quick with { Backend = backend });
                Assert.True(gated == run.AttachGates is not null, $"{candidate.Name} on {backend}: gates {gated}, attaches gate statistics {run.AttachGates is not null}");
            }
        }
    }

    private static SeedRun Run(string model, ulong seed, TrainingSettings settings) =>
        new ExperimentRunner<SyntheticTasks.Dataset>(Splits, settings.ToRunSettings()).Run(SyntheticCandidates.All.Single(c => c.Name == model).Candidate(settings), seed, "p = 0.5");

    private sealed class RecordingObserver : IExperimentDisplay
    {
        public List<string> Finished { get; } = [];

        public List<string> Failed { get; } = [];

        public void RunStarted(string model, ulong seed, string label)
        {
        }

        public void Progress(TrainingProgress progress)
        {
        }

        public void RunFinished(SeedRun run) => Finished.Add($"{run.Model} {run.Seed}");

        public void RunFailed(FailedRun run) => Failed.Add($"{run.Model} {run.Seed}");

        public void Info(string message)
        {
        }
    }
}
