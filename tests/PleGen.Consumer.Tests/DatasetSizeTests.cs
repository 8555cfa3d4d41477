using System;
using System.Linq;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>A data set whose feature and label columns differ in length is refused in the words of a data set.</summary>
public sealed class DatasetSizeTests
{
    [Fact]
    public void Features_and_labels_of_different_lengths_name_the_data_set_and_both_counts()
    {
        ManagedModelTests.Data d = ManagedModelTests.Make(10, 1);
        float[] nineLabels = d.Click.Take(9).ToArray();

        var error = Assert.Throws<ArgumentException>(() => new SyntheticTasks.Dataset(d.User, d.Item, nineLabels, d.Dwell.Take(9).ToArray(), d.Share.Take(9).ToArray(), d.ShareMask.Take(9).ToArray()));

        Assert.Equal("SyntheticTasks.Dataset: the features have 10 samples but the labels have 9; every feature and label array needs one entry per sample (same rows, same order).", error.Message);
    }
}
