using System;
using System.Collections.Generic;
using System.Threading;
using PleGen.Samples.Census;
using PleGen.Runtime.Experiments;
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
    public static void Run(CensusData data, TrainingSettings training, IReadOnlyList<ModelFlavors<CensusTasks.Dataset>> models, ExperimentResults results, IExperimentDisplay observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(observer);
        var splits = new ExperimentData<CensusTasks.Dataset>(Dataset(data.Train), Dataset(data.Validation), Dataset(data.Test));
        var runner = new ExperimentRunner<CensusTasks.Dataset>(splits, training.ToRunSettings(), results.Recording(null, observer));
        foreach (ModelFlavors<CensusTasks.Dataset> model in models)
        {
            runner.RunSeeds(model.Candidate(training), training.Seeds, string.Empty, cancellation);
        }
    }

    /// <summary>
    /// One split as the task group's Dataset, which every model trains on: each declared feature and task binds by name
    /// to the split's prepared column ("numeric" to the seven standardized numeric columns, a task to its 0/1 labels).
    /// </summary>
    public static CensusTasks.Dataset Dataset(CensusSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return CensusTasks.Dataset.FromColumns(split.Columns);
    }
}
