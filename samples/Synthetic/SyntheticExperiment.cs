using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using PleGen.Runtime.Experiments;
using PleGen.Samples.Experiments;
using PleGen.Samples.Synthetic;

namespace PleGen.Samples.SyntheticSample;

/// <summary>
/// The PLE paper's synthetic experiment: for each task correlation p, generate two-task regression data,
/// train every model once per seed on it, and score test MSE per task.
/// </summary>
public static class SyntheticExperiment
{
    /// <summary>The tasks and their metric.</summary>
    public static IReadOnlyDictionary<string, string> TaskMetrics { get; } = new Dictionary<string, string> { ["task1"] = "mse", ["task2"] = "mse" };

    /// <summary>
    /// Runs every correlation, model and seed, adding each finished (or failed) run to <paramref name="results"/> as it
    /// ends (so a cancelled experiment keeps what it finished), and throws OperationCanceledException when cancelled.
    /// </summary>
    public static void Run(SyntheticExperimentOptions options, IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> models, ExperimentResults results, IExperimentDisplay observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        foreach (double p in options.Correlations)
        {
            cancellation.ThrowIfCancellationRequested();
            var generator = new SyntheticTaskGenerator(new SyntheticTaskSettings(p, options.DataSeed));
            SyntheticSplits splits = generator.GenerateSplits(options.Samples, SyntheticExperimentOptions.Fractions);
            string label = string.Create(CultureInfo.InvariantCulture, $"p = {p}");
            observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {splits.Train.Count} training, {splits.Validation.Count} validation, {splits.Test.Count} test samples; label correlation {splits.Train.LabelCorrelation():F3}"));
            var data = new ExperimentData<SyntheticTasks.Dataset>(Dataset(splits.Train), Dataset(splits.Validation), Dataset(splits.Test));
            var runner = new ExperimentRunner<SyntheticTasks.Dataset>(data, options.Training.ToRunSettings(), results.Recording(p, observer));
            foreach (ModelFlavors<SyntheticTasks.Dataset> model in models)
            {
                runner.RunSeeds(model.Candidate(options.Training), options.Training.Seeds, label, cancellation);
            }
        }
    }

    /// <summary>One split as the task group's Dataset, which every model trains on (the arrays are wrapped, not copied).</summary>
    public static SyntheticTasks.Dataset Dataset(SyntheticTaskData split) => new(split.Features, split.Y1, split.Y2);

    /// <summary>How many training runs <see cref="Run"/> does.</summary>
    public static int TotalRuns(SyntheticExperimentOptions options, IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> models) =>
        options.Correlations.Count * models.Count * options.Training.Seeds.Count;
}
