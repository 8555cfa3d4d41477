using System;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>A generated model refuses NaN or infinite dense inputs at entry, as it refuses every other bad input.</summary>
public sealed class NonFiniteInputTests
{
    [Fact]
    public void NaN_features_are_refused_at_entry_naming_the_task_group_the_feature_and_the_sample()
    {
        ManagedModelTests.Data d = ManagedModelTests.Make(64, 1);
        d.User[(17 * 4) + 2] = float.NaN;

        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTasks.Batch(d.User, d.Item));
        var dataset = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTasks.Dataset(d.User, d.Item, d.Click, d.Dwell, d.Share, d.ShareMask));

        Assert.Contains("SyntheticTasks: dense feature 'user' has NaN at sample 17 (column 2 of [batch, 4])", batch.Message);
        Assert.Equal(batch.Message, dataset.Message);
    }

    [Fact]
    public void Infinite_targets_are_refused_at_entry()
    {
        ManagedModelTests.Data d = ManagedModelTests.Make(8, 1);
        d.Dwell[5] = float.PositiveInfinity;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTasks.Labels(d.Click, d.Dwell, d.Share, d.ShareMask));

        Assert.Contains("SyntheticTasks: label ", error.Message);
        Assert.Contains(" of task 'dwell' at sample 5 is not a finite number", error.Message);
    }
}
