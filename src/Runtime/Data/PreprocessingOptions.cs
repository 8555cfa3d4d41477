using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>What <see cref="Preprocessing.Fit"/> fits on the training split.</summary>
public sealed record PreprocessingOptions
{
    /// <summary>The categorical columns to build vocabularies for; null (the default) takes every categorical column.</summary>
    public IReadOnlyCollection<string>? Categorical { get; init; }

    /// <summary>
    /// The numeric columns to standardize with training mean and std. Default none: labels and masks are numeric columns
    /// too, so the columns to scale are named. Labels and masks are always read unscaled.
    /// </summary>
    public IReadOnlyCollection<string> Standardize { get; init; } = [];

    /// <summary>The order of vocabulary ids 1..n. Default <see cref="VocabularyOrder.Frequency"/>.</summary>
    public VocabularyOrder Order { get; init; } = VocabularyOrder.Frequency;

    /// <summary>A categorical value needs this many training rows to get its own id; rarer values share id 0. Default 1.</summary>
    public int MinCategoryCount { get; init; } = 1;

    /// <summary>Which columns the features and tasks bind to; default: every feature and task to the column of its name.</summary>
    public ColumnMapping Mapping { get; init; } = new();
}
