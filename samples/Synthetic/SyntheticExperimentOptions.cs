using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Samples.Experiments;
using PleGen.Runtime.Data;

namespace PleGen.Samples.SyntheticSample;

/// <summary>What the synthetic experiment runs: the task correlations, the data size and seed, and the training settings.</summary>
public sealed record SyntheticExperimentOptions
{
    /// <summary>The PLE paper's correlations (Figure 7).</summary>
    public static IReadOnlyList<double> PaperCorrelations { get; } = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>
    /// The default correlation: the middle of the paper's range, tasks related but not the same (as most pairs of
    /// recommendation tasks are), so the default run gives a first complete result (every model, two seeds, the seesaw
    /// picture) in about 3 minutes on 2 cores. Both ends, 0 and 1 (the default while the samples declared six models),
    /// took 6 min 30 s under load with ten models; they are the first of <see cref="LargerRuns"/>.
    /// </summary>
    public static IReadOnlyList<double> DefaultCorrelations { get; } = [0.5];

    /// <summary>Both ends of the paper's range: unrelated and fully correlated tasks.</summary>
    public static IReadOnlyList<double> EndCorrelations { get; } = [0, 1];

    /// <summary>Default seeds: two, the fewest with a standard deviation. The paper-scale run uses <see cref="PaperSeeds"/>.</summary>
    public const int DefaultSeeds = 2;

    /// <summary>Seeds of the paper-scale run.</summary>
    public const int PaperSeeds = 5;

    /// <summary>
    /// Default samples per correlation: 10,000 for training. Small enough that a run takes minutes on 2 cores, and small
    /// enough that sharing matters: with plenty of data every model learns both tasks alone and MTL gains vanish into noise.
    /// Not smaller: at 7,500 (6,000 for training) most models stopped within 20 epochs at a test MSE near 1.4, having learnt
    /// neither task, so the default cannot save time here.
    /// </summary>
    public const int DefaultSamples = 12_500;

    /// <summary>The paper's samples per correlation (1.4 million; about 2.9 GB of features per correlation).</summary>
    public const int PaperSamples = 1_400_000;

    /// <summary>Training defaults of the sample.</summary>
    public static TrainingSettings DefaultTraining { get; } = new() { Epochs = 100, BatchSize = 256, LearningRate = 1e-3, Patience = 5, Seeds = [.. Enumerable.Range(1, DefaultSeeds).Select(s => (ulong)s)] };

    /// <summary>
    /// The larger runs, each as a description and the command that starts it: both ends of the correlation range, every
    /// paper correlation with five seeds at the default data size, and the same at the paper's data size.
    /// </summary>
    public static IReadOnlyList<(string Description, string Command)> LargerRuns { get; } =
    [
        (string.Create(CultureInfo.InvariantCulture, $"Both ends of the range, unrelated and fully correlated tasks, {DefaultSeeds} seeds (about 2x the default's time):"),
            string.Create(CultureInfo.InvariantCulture, $"dotnet run -c Release --project samples/Synthetic -- --correlations {string.Join(",", EndCorrelations)}")),
        (string.Create(CultureInfo.InvariantCulture, $"All five of the paper's correlations, {PaperSeeds} seeds (about {PaperCorrelations.Count * PaperSeeds / (DefaultCorrelations.Count * DefaultSeeds)}x the default's time):"),
            string.Create(CultureInfo.InvariantCulture, $"dotnet run -c Release --project samples/Synthetic -- --correlations {string.Join(",", PaperCorrelations)} --seeds {PaperSeeds}")),
        (string.Create(CultureInfo.InvariantCulture, $"Paper scale, {PaperSamples:N0} samples per correlation (hours on 2 cores; about 3 GB of memory per correlation):"),
            string.Create(CultureInfo.InvariantCulture, $"dotnet run -c Release --project samples/Synthetic -- --correlations {string.Join(",", PaperCorrelations)} --seeds {PaperSeeds} --samples {PaperSamples}")),
    ];

    /// <summary>How each correlation's samples are split: 80 % train, 10 % validation, 10 % test.</summary>
    public static SplitFractions Fractions { get; } = new(0.8, 0.1, 0.1);

    /// <summary>Task correlations p to run.</summary>
    public IReadOnlyList<double> Correlations { get; init; } = DefaultCorrelations;

    /// <summary>Samples generated per correlation (split by <see cref="Fractions"/>).</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Seed of the data generator (directions, sines, samples).</summary>
    public ulong DataSeed { get; init; } = 2020;

    /// <summary>How every model is trained.</summary>
    public TrainingSettings Training { get; init; } = DefaultTraining;

    /// <summary>Throws with a message naming the option when a value cannot work.</summary>
    public void Validate()
    {
        Training.Validate();
        if (Correlations.Count == 0)
        {
            throw new ArgumentException("--correlations needs at least one value in [-1, 1].");
        }

        foreach (double p in Correlations)
        {
            if (!(p >= -1 && p <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--correlations: {p} is not a correlation; every p must be in [-1, 1]."));
            }
        }

        if (Correlations.Distinct().Count() != Correlations.Count)
        {
            throw new ArgumentException("--correlations lists a value twice; give each p once.");
        }

        (int train, int validation, int test) = Fractions.Sizes(Samples);
        if (train < 1 || validation < 1 || test < 1)
        {
            throw new ArgumentException($"--samples {Samples} is too small to split 80/10/10 into non-empty training, validation and test sets; use at least 30.");
        }
    }
}
