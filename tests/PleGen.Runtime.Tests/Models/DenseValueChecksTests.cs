using System;
using PleGen.Runtime.Generated;
using PleGen.Runtime.Randomness;
using Xunit;

namespace PleGen.Runtime.Tests.Models;

/// <summary>A NaN or infinite dense input is refused at entry, named by model, feature, sample, column and value.</summary>
public sealed class DenseValueChecksTests
{
    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void A_non_finite_value_is_named_with_its_sample_and_column(float value, string shown)
    {
        var values = new float[1000 * 7];
        new RandomSource(5).FillNormal(values, 0f, 1f);
        values[(612 * 7) + 5] = value;
        values[(998 * 7) + 6] = float.NaN;  // a later one is not the one reported
        int batchSize = -1;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => InputChecks.Dense("CensusPle", "profile", values, 7, ref batchSize));

        Assert.Equal("profile", error.ParamName);
        Assert.Contains($"CensusPle: dense feature 'profile' has {shown} at sample 612 (column 5 of [batch, 7]), not a finite number; impute or clip it, or drop the sample.", error.Message);
    }

    [Fact]
    public void The_last_value_of_a_batch_is_checked_too()
    {
        var values = new float[37];
        values[^1] = float.NaN;
        int batchSize = -1;
        Assert.Contains("has NaN at sample 36 (column 0 of [batch, 1])", Assert.Throws<ArgumentOutOfRangeException>(() => InputChecks.Dense("M", "age", values, 1, ref batchSize)).Message);
    }

    [Fact]
    public void Shapes_are_checked_before_values()
    {
        int batchSize = -1;
        var error = Assert.Throws<ArgumentException>(() => InputChecks.Dense("M", "profile", [float.NaN, 1f, 2f], 2, ref batchSize));
        Assert.Contains("3 values are not a multiple of 2", error.Message);
    }

    [Fact]
    public void A_tensor_flavor_reports_a_non_finite_value_in_the_managed_wording()
    {
        var values = new float[12];
        values[9] = float.PositiveInfinity;
        int batchSize = -1;
        var managed = Assert.Throws<ArgumentOutOfRangeException>(() => InputChecks.Dense("M", "profile", values, 3, ref batchSize));

        TensorShapeChecks.DenseValues("M", "profile", 3, firstNonFinite: -1, value: 0f);
        var tensor = Assert.Throws<ArgumentOutOfRangeException>(() => TensorShapeChecks.DenseValues("M", "profile", 3, firstNonFinite: 9, value: float.PositiveInfinity));

        Assert.Equal(managed.Message, tensor.Message);
    }

    [Fact]
    public void Labels_are_refused_when_not_finite()
    {
        int batchSize = -1;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => InputChecks.Labels("M", "dwell", [1f, float.NaN], null, binary: false, ref batchSize));
        Assert.Contains("label NaN of task 'dwell' at sample 1 is not a finite number", error.Message);
    }
}
