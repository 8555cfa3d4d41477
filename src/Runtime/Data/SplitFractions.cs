using System;
using System.Globalization;

namespace PleGen.Runtime.Data;

/// <summary>
/// The shares of a data set that go to training, validation and test. Each is in [0, 1], training is positive, and they
/// add up to 1 (within 1e-9).
/// </summary>
public sealed record SplitFractions
{
    /// <summary>70 / 15 / 15: enough validation samples to pick an epoch and enough test samples for a stable AUC.</summary>
    public static SplitFractions Default { get; } = new(0.70, 0.15, 0.15);

    /// <summary>Creates and checks the fractions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fraction outside [0, 1], or a training fraction of 0.</exception>
    /// <exception cref="ArgumentException">The fractions do not add up to 1.</exception>
    public SplitFractions(double train, double validation, double test)
    {
        Check(train, nameof(train));
        Check(validation, nameof(validation));
        Check(test, nameof(test));
        if (train <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(train), train, "The training fraction must be positive: a model needs samples to learn from.");
        }

        double sum = train + validation + test;
        if (Math.Abs(sum - 1.0) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Split fractions must add up to 1, but train {train} + validation {validation} + test {test} = {sum}. Adjust one of them."));
        }

        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>Share of samples for training.</summary>
    public double Train { get; }

    /// <summary>Share of samples for validation (model selection, early stopping).</summary>
    public double Validation { get; }

    /// <summary>Share of samples for the final test.</summary>
    public double Test { get; }

    /// <summary>
    /// How many of <paramref name="count"/> samples each split gets: validation and test are rounded down, training takes
    /// the rest, so every sample lands in exactly one split.
    /// </summary>
    public (int Train, int Validation, int Test) Sizes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int validation = (int)Math.Floor(count * Validation);
        int test = (int)Math.Floor(count * Test);
        return (count - validation - test, validation, test);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"train {Train:0.###} / validation {Validation:0.###} / test {Test:0.###}");

    private static void Check(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} fraction must be in [0, 1].");
        }
    }
}
