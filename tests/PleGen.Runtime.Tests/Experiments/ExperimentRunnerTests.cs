using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using PleGen.Runtime.Models;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tests.Training;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Runtime.Tests.Experiments;

/// <summary>
/// The runner on a model whose every epoch is known (<see cref="ScriptedSession"/>, started at <see cref="Start"/>(seed)):
/// with one batch per epoch, epoch e ends with the parameter at start + e + 1, so task "near" (labelled 2) is best after
/// epoch 1, task "far" (labelled 4) after epoch 3, their mean after epoch 2, and a task's MSE at its own best is start^2.
/// </summary>
public sealed class ExperimentRunnerTests
{
    private static readonly TaskInfo Near = new("near", IsBinary: false, Masked: false);
    private static readonly TaskInfo Far = new("far", IsBinary: false, Masked: false);

    // One batch per epoch (BatchSize covers every sample), so epoch e ends with the parameter at start + e + 1.
    private static readonly RunSettings FiveEpochs = new() { Epochs = 5, BatchSize = 16, Patience = 0 };

    private static readonly ExperimentData<ScriptedData> Data = new(Labelled(8), Labelled(8), Labelled(5));

    private readonly List<ScriptedSession> _sessions = [];

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        ModelCandidate<ScriptedData> candidate = Candidate("MTL");

        SeedRun first = Runner(Data, FiveEpochs).Run(candidate, 3, "");
        SeedRun again = Runner(Data, FiveEpochs).Run(candidate, 3, "");
        SeedRun other = Runner(Data, FiveEpochs).Run(candidate, 4, "");

        Assert.Equal(first.TestMetrics, again.TestMetrics);
        Assert.NotEqual(first.TestMetric("near").Value, other.TestMetric("near").Value);
        // The mean over tasks is best after epoch 2 (parameter start + 3): near's MSE is (start + 1)^2.
        float start = Start(3);
        Assert.Equal(2, first.History.BestEpoch);
        Assert.Equal(Math.Pow(start + 1, 2), first.TestMetric("near").Value, 5);
        Assert.Equal(Math.Pow(start - 1, 2), first.TestMetric("far").Value, 5);
        Assert.Null(first.TaskHistories);
        Assert.Same(first.History, first.HistoryFor("far"));
    }

    [Fact]
    public void Test_metrics_are_typed_with_the_tasks_kind_metric_and_direction_and_a_mean_over_mixed_kinds_fails_as_a_run()
    {
        var click = new TaskInfo("click", IsBinary: true, Masked: false);
        var data = new ExperimentData<ScriptedData>(Mixed(8), Mixed(8), Mixed(4));
        // A mean of an AUC and an MSE means nothing, so only a candidate stopping on each task's own metric can mix them.
        var candidate = new ModelCandidate<ScriptedData>("Single", seed => Started(new ScriptedSession(click, Near) { Parameter = Start(seed) })) { StopsPerTask = true };

        SeedRun run = Runner(data, FiveEpochs with { Patience = 1 }).Run(candidate, 1, "");
        SeedAttempt mixed = Runner(data, FiveEpochs).TryRun(candidate with { StopsPerTask = false }, 1, "");
        SeedRun monitoringNear = Runner(data, FiveEpochs with { MonitorTask = "near" }).Run(candidate with { StopsPerTask = false }, 1, "");

        Assert.Equal(
            [("click", TaskKind.Binary, "auc", MetricDirection.HigherIsBetter), ("near", TaskKind.Regression, "mse", MetricDirection.LowerIsBetter)],
            run.TestMetrics.Select(m => (m.Task, m.Kind, m.Metric, m.Direction)));
        Assert.Equal(0.5, run.TestMetric("click").Value); // one prediction for every sample: AUC 0.5
        Assert.Contains("has no test metric for task 'watch'; its tasks: click, near", Assert.Throws<ArgumentException>(() => run.TestMetric("watch")).Message);
        Assert.Contains("mixes binary (AUC) and regression (MSE) tasks: click (auc), near (mse)", mixed.Failure!.Error);
        Assert.Equal(1, monitoringNear.History.BestEpoch); // near (labelled 2) alone is best after epoch 1, whatever click does
        Assert.Null(monitoringNear.TaskHistories);
    }

    [Fact]
    public void A_candidate_stopping_per_task_trains_one_model_per_task_each_keeping_its_own_best_epoch()
    {
        ModelCandidate<ScriptedData> single = Candidate("Single") with { StopsPerTask = true };

        SeedRun run = Runner(Data, FiveEpochs).Run(single, 5, "");

        Assert.Equal(2, _sessions.Count); // one fresh model per task
        Assert.All(_sessions, s => Assert.True(s.Disposed));
        Assert.Equal(1, run.HistoryFor("near").BestEpoch);
        Assert.Equal(3, run.HistoryFor("far").BestEpoch);
        Assert.Same(run.History, run.HistoryFor("near")); // the first task's run is the run's history
        Assert.Equal(["near", "far"], run.TestMetrics.Select(m => m.Task));
        // Each task's test metric comes from its own run: the parameter at that task's best, start + L - 1, so MSE start^2.
        double expected = Math.Pow(Start(5), 2);
        Assert.Equal(expected, run.TestMetric("near").Value, 5);
        Assert.Equal(expected, run.TestMetric("far").Value, 5);
    }

    [Fact]
    public void Gated_models_report_their_gates_on_the_test_set_and_models_without_gates_report_none()
    {
        SeedRun gated = Runner(Data, FiveEpochs).Run(Candidate("MMoE", gates: true), 1, "");
        SeedRun plain = Runner(Data, FiveEpochs).Run(Candidate("SharedBottom"), 1, "");

        GateUtilization gate = Assert.Single(gated.GateReport!.Gates);
        Assert.Equal(("gates.0", 5L), (gate.Gate, gate.Samples)); // the test set's 5 samples, not training or validation
        Assert.Equal(["shared.0", "task.0"], gate.Experts);
        Assert.Equal(0.75, gate.Mean[1], 6);
        Assert.Null(_sessions[0].Gates); // detached after the test set
        Assert.Null(plain.GateReport);
    }

    [Fact]
    public void A_failing_seed_is_reported_with_its_message_while_the_other_seeds_complete()
    {
        var candidate = new ModelCandidate<ScriptedData>("PLE", seed => Started(seed switch
        {
            2 => Session(seed, failAtStep: 3),
            4 => new ScriptedSession(Near, Far) { Parameter = Start(seed), Prediction = float.PositiveInfinity },
            _ => Session(seed),
        }));
        var observer = new RecordingObserver();

        CandidateResults results = Runner(Data, FiveEpochs, observer).RunSeeds(candidate, [1, 2, 3, 4], "p = 0.5");

        Assert.Equal([1UL, 3UL], results.Runs.Select(r => r.Seed));
        Assert.Equal([(2UL, "NonFiniteLossException", "loss of task 'near' is NaN at step 3"), (4UL, "NonFiniteMetricException", "the test metric of task 'near' is Infinity: the model diverged; try a lower learning rate")],
            results.Failures.Select(f => (f.Seed, f.ErrorType, f.Error)));
        Assert.Equal([1UL, 2UL, 3UL, 4UL], results.Attempts.Select(a => a.Seed));
        Assert.All(results.Failures, f => Assert.Equal("p = 0.5", f.Label));
        Assert.Equal(["started PLE 1 p = 0.5", "finished PLE 1", "started PLE 2 p = 0.5", "failed PLE 2", "started PLE 3 p = 0.5", "finished PLE 3", "started PLE 4 p = 0.5", "failed PLE 4"], observer.Events);
        Assert.All(_sessions, s => Assert.True(s.Disposed)); // a failed run frees its model too
        Assert.Equal(new ulong[] { 1, 3 }.Select(s => results.Runs.Single(r => r.Seed == s).TestMetric("near").Value), results.Summary("near").Values);
    }

    [Fact]
    public void The_summary_over_seeds_is_the_mean_and_sample_std_of_the_finished_seeds_in_seed_order()
    {
        CandidateResults results = Runner(Data, FiveEpochs).RunSeeds(Candidate("PLE"), [3, 1, 2], "");

        double[] near = [.. new ulong[] { 1, 2, 3 }.Select(s => Math.Pow(Start(s) + 1, 2))];
        double mean = near.Average();
        double std = Math.Sqrt(near.Sum(v => (v - mean) * (v - mean)) / (near.Length - 1));
        TaskMetricSummary summary = results.Summary("near");
        Assert.Equal(("near", "mse", MetricDirection.LowerIsBetter), (summary.Task, summary.Metric, summary.Direction));
        Assert.Equal(near, summary.Values, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(mean, summary.Mean, 5);
        Assert.Equal(std, summary.Std, 5);
        Assert.True(summary.Std > 0);
        Assert.Equal(["near", "far"], results.Summaries.Select(s => s.Task));
    }

    [Fact]
    public void When_every_seed_fails_the_results_say_so_instead_of_summarizing_nothing()
    {
        var candidate = new ModelCandidate<ScriptedData>("PLE", seed => Started(Session(seed, failAtStep: 1)));

        CandidateResults results = Runner(Data, FiveEpochs).RunSeeds(candidate, [1, 2], "");

        Assert.Empty(results.Runs);
        Assert.Empty(results.Summaries);
        var error = Assert.Throws<InvalidOperationException>(() => results.Summary("near"));
        Assert.Contains("Every seed of 'PLE' failed (seed 1: loss of task 'near' is NaN at step 1; seed 2:", error.Message);
    }

    [Fact]
    public void Cancelling_discards_the_run_and_keeps_the_seeds_told_before()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new RecordingObserver { OnFinished = _ => cancellation.Cancel() };

        Assert.Throws<OperationCanceledException>(() => Runner(Data, FiveEpochs, observer).RunSeeds(Candidate("PLE"), [1, 2], "", cancellation.Token));
        Assert.Equal(["started PLE 1 ", "finished PLE 1"], observer.Events);

        Assert.Throws<OperationCanceledException>(() => Runner(Data, FiveEpochs).TryRun(Candidate("PLE"), 1, "", cancellation.Token));
    }

    [Fact]
    public void Bad_seeds_settings_and_candidates_are_refused_with_what_to_do()
    {
        ModelCandidate<ScriptedData> candidate = Candidate("PLE");

        Assert.Contains("needs at least one seed", Assert.Throws<ArgumentException>(() => Runner(Data, FiveEpochs).RunSeeds(candidate, [], "")).Message);
        Assert.Contains("repeat a value (1, 2, 1)", Assert.Throws<ArgumentException>(() => Runner(Data, FiveEpochs).RunSeeds(candidate, [1, 2, 1], "")).Message);
        Assert.Contains("RunSettings.Epochs must be at least 1 (got 0)", Assert.Throws<ArgumentException>(() => Runner(Data, FiveEpochs with { Epochs = 0 }).Run(candidate, 1, "")).Message);
        Assert.Contains("RunSettings.Patience must be 0 (off) or more (got -1)", Assert.Throws<ArgumentException>(() => Runner(Data, FiveEpochs with { Patience = -1 }).Run(candidate, 1, "")).Message);
        Assert.Contains("MonitorTask 'watch' is not a task of the model; tasks: near, far", Runner(Data, FiveEpochs with { MonitorTask = "watch" }).TryRun(candidate, 1, "").Failure!.Error);
        Assert.Contains("non-empty name", Assert.Throws<ArgumentException>(() => new ModelCandidate<ScriptedData>(" ", _ => throw new InvalidOperationException())).Message);
        var nothing = new ModelCandidate<ScriptedData>("Broken", _ => null!);
        Assert.Contains("Broken started no run for seed 1", Assert.Throws<InvalidOperationException>(() => Runner(Data, FiveEpochs).Run(nothing, 1, "")).Message);
        Assert.Contains("needs validation data", Assert.Throws<ArgumentNullException>(() => new ExperimentData<ScriptedData>(Labelled(2), null!, Labelled(2))).Message);
    }

    /// <summary>The parameter a seed starts from, in [0, 0.2): small enough to keep every task's best epoch.</summary>
    private static float Start(ulong seed) => new RandomSource(seed).NextFloat() * 0.2f;

    /// <summary>A session over "near" and "far" started from the seed; step <paramref name="failAtStep"/> (1-based) diverges.</summary>
    private static ScriptedSession Session(ulong seed, int failAtStep = -1) => new(Near, Far)
    {
        Parameter = Start(seed),
        Failure = step => step == failAtStep ? new NonFiniteLossException($"loss of task 'near' is NaN at step {step}", "MeanSquaredError", "near", 0) : null,
    };

    private static ExperimentRunner<ScriptedData> Runner(ExperimentData<ScriptedData> data, RunSettings settings, IRunObserver? observer = null) => new(data, settings, observer);

    private ModelCandidate<ScriptedData> Candidate(string name, bool gates = false) =>
        new(name, seed => Started(Session(seed), gates));

    private ModelRun<ScriptedData> Started(ScriptedSession session, bool gates = false)
    {
        _sessions.Add(session);
        return new ModelRun<ScriptedData>(session, gates ? statistics => session.Gates = statistics : null);
    }

    // "near" labelled 2 and "far" labelled 4 on every sample.
    private static ScriptedData Labelled(int count) => ScriptedData.Uniform(count, 2, 2f).WithLabels(1, Enumerable.Repeat(4f, count).ToArray());

    // "click" with both classes (so it has an AUC) and "near" labelled 2.
    private static ScriptedData Mixed(int count) =>
        ScriptedData.Uniform(count, 2, 2f).WithLabels(0, [.. Enumerable.Range(0, count).Select(i => (float)(i % 2))]);

    private sealed class RecordingObserver : IRunObserver
    {
        public List<string> Events { get; } = [];

        public Action<SeedRun>? OnFinished { get; init; }

        public void RunStarted(string model, ulong seed, string label) => Events.Add($"started {model} {seed} {label}");

        public void Progress(TrainingProgress progress)
        {
        }

        public void RunFinished(SeedRun run)
        {
            Events.Add($"finished {run.Model} {run.Seed}");
            OnFinished?.Invoke(run);
        }

        public void RunFailed(FailedRun run) => Events.Add($"failed {run.Model} {run.Seed}");
    }
}
