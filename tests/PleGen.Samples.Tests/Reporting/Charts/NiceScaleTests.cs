using System;
using System.Linq;
using PleGen.Samples.Reporting.Charts;
using Xunit;

namespace PleGen.Samples.Tests.Reporting.Charts;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0, 0.93, 0, 1, 0.2)]
    [InlineData(0.912, 0.957, 0.91, 0.96, 0.01)]
    [InlineData(-0.0031, 0.0052, -0.004, 0.006, 0.002)]
    [InlineData(1, 20, 0, 20, 5)]
    [InlineData(0, 1.2, 0, 1.25, 0.25)]
    public void Ticks_are_round_and_cover_the_range(double min, double max, double axisMin, double axisMax, double step)
    {
        var scale = new NiceScale(min, max);

        Assert.Equal(step, scale.Step, 12);
        Assert.Equal(axisMin, scale.Min, 12);
        Assert.Equal(axisMax, scale.Max, 12);
        Assert.All(scale.Ticks(), t => Assert.Equal(0, Math.Abs(Math.Round(t / step) - (t / step)), 9));
    }

    [Fact]
    public void Labels_show_as_many_decimals_as_the_step_needs()
    {
        Assert.Equal(new[] { "0.00", "0.25", "0.50", "0.75", "1.00", "1.25" }, new NiceScale(0, 1.2).Ticks().Select(t => new NiceScale(0, 1.2).Format(t)));
        Assert.Equal("25", new NiceScale(0, 120, 6).Format(25));
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, new NiceScale(1, 3, 8, minimumStep: 1).Ticks());
    }

    [Fact]
    public void A_single_value_gets_a_window_and_bad_ranges_are_refused()
    {
        var scale = new NiceScale(0.5, 0.5);
        Assert.True(scale.Min < 0.5 && scale.Max > 0.5);
        Assert.Throws<ArgumentException>(() => new NiceScale(1, 0));
        Assert.Throws<ArgumentException>(() => new NiceScale(double.NaN, 1));
    }
}
