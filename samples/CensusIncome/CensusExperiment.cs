using System;
using System.Collections.Generic;
using System.Threading;
using PleGen.Samples.Census;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.CensusSample;

/// <summary>The census experiment: every model, once per seed, on the same prepared splits; test AUC per task.</summary>
public static class CensusExperiment
{
    /// <summary>The tasks and their metric.</summary>
    public static IReadOnlyDictionary<string, string> TaskMetrics { get; } = new Dictionary<string, string>
    {
        [CensusLabels.IncomeTask] = "auc",
        [CensusLabels.NeverMarriedTask] = "auc",
    };

    /// <summary>Training defaults of the sample.</summary>
    public static TrainingSettings DefaultTraining { get; } = new() { Epochs = 20, BatchSize = 512, LearningRate = 1e-3, Patience = 3, Seeds = [1, 2, 3] };

    /// <summary>
    /// Checks every model's declaration against the data (cardinalities, widths, tasks), so a mismatch is one
    /// clear message before anything trains.
    /// </summary>
    public static void CheckDeclarations(CensusSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (Type model in CensusCandidates.ModelTypes)
        {
            schema.CheckDeclaration(model);
        }
    }

    /// <summary>Trains every model once per seed, adding each finished (or failed) run to <paramref name="results"/>; throws OperationCanceledException when cancelled.</summary>
    public static void Run(CensusData data, TrainingSettings training, IReadOnlyList<ModelCandidate<CensusSplit>> models, ExperimentResults results, IRunObserver observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(observer);
        int total = models.Count * training.Seeds.Count, index = 0;
        foreach (ModelCandidate<CensusSplit> model in models)
        {
            foreach (ulong seed in training.Seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                observer.RunStarted($"{model.Name}, seed {seed}", index++, total);
                ExperimentRunner.RunAndRecord(model, seed, string.Empty, null, (data.Train, data.Validation, data.Test), training, results, observer, cancellation);
            }
        }
    }
}
