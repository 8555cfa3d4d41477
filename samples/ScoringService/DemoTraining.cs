using System.Diagnostics;
using System.IO;
using System;
using PleGen.Runtime.Data;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Training;

namespace PleGen.Samples.ScoringService;

/// <summary>What <see cref="DemoTraining.Run"/> made: the checkpoint, its preprocessing file and the held-out scores.</summary>
/// <param name="CheckpointPath">The safetensors checkpoint of the trained <see cref="DemoPle"/>.</param>
/// <param name="PreprocessingPath">The vocabularies and standardization beside it (<c>Preprocessing.PathBeside</c>).</param>
/// <param name="TestMetrics">Test AUC of <c>purchase</c> and test MSE of <c>spend</c>.</param>
/// <param name="Epochs">Epochs trained (early stopping restores the best one).</param>
/// <param name="Elapsed">Data generation, fitting, training and saving.</param>
public sealed record DemoModelFiles(string CheckpointPath, string PreprocessingPath, System.Collections.Generic.IReadOnlyDictionary<string, double> TestMetrics, int Epochs, TimeSpan Elapsed);

/// <summary>
/// Trains the demo model the service serves when no checkpoint is configured: <see cref="DemoData"/> rows, split
/// 70/15/15, vocabularies and standardization fitted on the training split, a <see cref="DemoPle"/> trained with
/// Adam and early stopping on the validation AUC of <c>purchase</c>, then saved with its preprocessing file beside it,
/// so the service loads it exactly like a checkpoint a user hands it.
/// </summary>
public static class DemoTraining
{
    /// <summary>Trains on <paramref name="rows"/> synthetic rows (seeded by <paramref name="seed"/>) and saves into <paramref name="directory"/>.</summary>
    public static DemoModelFiles Run(string directory, int rows = 12_000, int epochs = 8, ulong seed = 7)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        DataTable table = DemoData.Generate(rows, seed);
        DataSplit split = DataSplit.Shuffled(table.RowCount, SplitFractions.Default, seed);
        Preprocessing preprocessing = Preprocessing.Fit(table, split.Train, new PreprocessingOptions
        {
            Standardize = [.. DemoData.StandardizedColumns],
            Categorical = [.. DemoData.CategoricalColumns],
            MinCategoryCount = 2,
            Mapping = DemoData.Mapping(),
        });
        DemoTasks.Dataset train = DemoTasks.Dataset.FromColumns(preprocessing.Apply(table, split.Train));
        DemoTasks.Dataset validation = DemoTasks.Dataset.FromColumns(preprocessing.Apply(table, split.Validation));
        DemoTasks.Dataset test = DemoTasks.Dataset.FromColumns(preprocessing.Apply(table, split.Test));

        var model = new DemoPle(seed);
        var trainer = new Trainer<DemoTasks.Dataset>(model, new Adam(model.Parameters, 3e-3), new TrainerOptions
        {
            Epochs = epochs,
            BatchSize = 128,
            ShuffleSeed = seed,
            MonitorTask = "purchase",
            Patience = 2,
        });
        TrainingHistory history = trainer.Fit(train, validation);
        var metrics = trainer.Evaluate(test);

        string checkpoint = Path.Combine(directory, "demo-ple.safetensors");
        model.Save(checkpoint);
        string preprocessingPath = Preprocessing.PathBeside(checkpoint);
        preprocessing.Save(preprocessingPath);
        return new DemoModelFiles(checkpoint, preprocessingPath, metrics, history.Epochs.Count, clock.Elapsed);
    }
}
