using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>
/// Turns census tables into model-ready splits with the product's data layer: a fixed-seed <see cref="DataSplit"/>,
/// a <see cref="Preprocessing"/> fitted on the training split only (vocabularies by training frequency, so validation and
/// test see unseen values as id 0; the numeric columns standardized with training statistics and mapped together as the
/// dense feature "numeric"), labels income and never_married, instance weights kept aside.
/// </summary>
public static class CensusPipeline
{
    /// <summary>One file (e.g. UCI's census-income.test): shuffled with the seed and cut by <see cref="CensusPipelineOptions.Fractions"/>.</summary>
    public static CensusData Prepare(CensusTable data, CensusPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CensusPipelineOptions();
        DataSplit split = DataSplit.Shuffled(data.Count, options.Fractions, options.Seed);
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{data.Source}: {data.Count} rows, {options.Fractions}, seed {options.Seed}");
        return Build(options, (data, split.Train), (data, split.Validation), (data, split.Test), [data.BadRows], description);
    }

    /// <summary>
    /// Separate files (UCI's census-income.data and .test): validation is a seeded
    /// <see cref="CensusPipelineOptions.ValidationFractionOfTrain"/> of the training file, the test file is the test split.
    /// </summary>
    public static CensusData Prepare(CensusTable train, CensusTable test, CensusPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new CensusPipelineOptions();
        double holdout = options.ValidationFractionOfTrain;
        if (!(holdout >= 0 && holdout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), holdout, "CensusPipelineOptions.ValidationFractionOfTrain must be in [0, 1).");
        }

        DataSplit split = DataSplit.Shuffled(train.Count, new SplitFractions(1 - holdout, holdout, 0), options.Seed);
        string description = string.Create(CultureInfo.InvariantCulture,
            $"train {train.Source}: {train.Count} rows, {holdout:0.###} held out for validation, seed {options.Seed}; test {test.Source}: {test.Count} rows");
        return Build(options, (train, split.Train), (train, split.Validation), (test, Enumerable.Range(0, test.Count).ToArray()), [train.BadRows, test.BadRows], description);
    }

    /// <summary>What the pipeline fits: the census inputs, by training frequency, and "numeric" mapped to the seven numeric columns.</summary>
    public static PreprocessingOptions Preprocessing(CensusPipelineOptions options) => new()
    {
        Categorical = CensusColumns.Categorical.ToArray(),
        Standardize = CensusColumns.Numeric.ToArray(),
        Order = VocabularyOrder.Frequency,
        MinCategoryCount = options.MinCategoryCount,
        Mapping = new ColumnMapping().MapDense(CensusSchema.DenseFeatureName, [.. CensusColumns.Numeric]),
    };

    private static CensusData Build(
        CensusPipelineOptions options,
        (CensusTable Table, IReadOnlyList<int> Rows) train,
        (CensusTable Table, IReadOnlyList<int> Rows) validation,
        (CensusTable Table, IReadOnlyList<int> Rows) test,
        IReadOnlyList<CensusBadRows> badRows,
        string description)
    {
        if (train.Rows.Count == 0)
        {
            throw new ArgumentException($"The training split of {train.Table.Source} is empty ({train.Table.Count} valid rows): the pipeline needs training rows to build vocabularies and statistics.");
        }

        Preprocessing preprocessing = Runtime.Data.Preprocessing.Fit(train.Table.Columns, train.Rows, Preprocessing(options));
        var schema = new CensusSchema(preprocessing);
        return new CensusData(
            schema,
            new CensusSplit("train", train.Rows, preprocessing.Apply(train.Table.Columns, train.Rows)),
            new CensusSplit("validation", validation.Rows, preprocessing.Apply(validation.Table.Columns, validation.Rows)),
            new CensusSplit("test", test.Rows, preprocessing.Apply(test.Table.Columns, test.Rows)),
            badRows,
            description);
    }
}
