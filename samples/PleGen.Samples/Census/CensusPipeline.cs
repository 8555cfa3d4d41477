using System;
using System.Collections.Generic;
using System.Globalization;
using PleGen.Samples.Splits;

namespace PleGen.Samples.Census;

/// <summary>
/// Turns census tables into model-ready splits the way a practitioner would: a fixed-seed split, vocabularies
/// and standardization fitted on the training split only (validation and test see unseen values as id 0 and
/// are scaled with training statistics), labels income and never_married, instance weights kept aside.
/// </summary>
public static class CensusPipeline
{
    /// <summary>One file (e.g. UCI's census-income.test): shuffled with the seed and cut by <see cref="CensusPipelineOptions.Fractions"/>.</summary>
    public static CensusData Prepare(CensusTable data, CensusPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CensusPipelineOptions();
        SplitIndices split = ShuffledSplit.Create(data.Count, options.Fractions, options.Seed);
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

        SplitIndices split = ShuffledSplit.Create(train.Count, new SplitFractions(1 - holdout, holdout, 0), options.Seed);
        var allTest = new int[test.Count];
        for (int i = 0; i < allTest.Length; i++)
        {
            allTest[i] = i;
        }

        string description = string.Create(CultureInfo.InvariantCulture,
            $"train {train.Source}: {train.Count} rows, {holdout:0.###} held out for validation, seed {options.Seed}; test {test.Source}: {test.Count} rows");
        return Build(options, (train, split.Train), (train, split.Validation), (test, allTest), [train.BadRows, test.BadRows], description);
    }

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

        CensusSchema schema = FitSchema(train.Table, train.Rows, options.MinCategoryCount);
        return new CensusData(
            schema,
            Materialize("train", schema, train.Table, train.Rows),
            Materialize("validation", schema, validation.Table, validation.Rows),
            Materialize("test", schema, test.Table, test.Rows),
            badRows,
            description);
    }

    private static CensusSchema FitSchema(CensusTable table, IReadOnlyList<int> rows, int minCount)
    {
        var vocabularies = new CategoricalVocabulary[table.CategoricalColumns.Length];
        for (int c = 0; c < vocabularies.Length; c++)
        {
            CensusEncodedColumn column = table.CategoricalColumns[c];
            var counts = new int[column.Values.Count];
            foreach (int row in rows)
            {
                counts[column.CodeArray[row]]++;
            }

            var seen = new List<KeyValuePair<string, int>>();
            for (int code = 0; code < counts.Length; code++)
            {
                if (counts[code] > 0)
                {
                    seen.Add(new KeyValuePair<string, int>(column.Values[code], counts[code]));
                }
            }

            vocabularies[c] = CategoricalVocabulary.Build(column.Name, seen, minCount);
        }

        var standardizations = new NumericStandardization[table.NumericColumns.Length];
        for (int n = 0; n < standardizations.Length; n++)
        {
            standardizations[n] = NumericStandardization.Fit(CensusColumns.Numeric[n], table.NumericColumns[n], rows);
        }

        return new CensusSchema(vocabularies, standardizations);
    }

    private static CensusSplit Materialize(string name, CensusSchema schema, CensusTable table, IReadOnlyList<int> rows)
    {
        int count = rows.Count;
        var categorical = new int[table.CategoricalColumns.Length][];
        for (int c = 0; c < categorical.Length; c++)
        {
            // Vocabulary lookups per distinct value of this file, not per row.
            CensusEncodedColumn column = table.CategoricalColumns[c];
            var idOfCode = new int[column.Values.Count];
            for (int code = 0; code < idOfCode.Length; code++)
            {
                idOfCode[code] = schema.Categorical[c].IdOf(column.Values[code]);
            }

            var ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = idOfCode[column.CodeArray[rows[i]]];
            }

            categorical[c] = ids;
        }

        int width = schema.DenseWidth;
        var numeric = new float[width][];
        var dense = new float[count * width];
        for (int n = 0; n < width; n++)
        {
            double[] raw = table.NumericColumns[n];
            NumericStandardization scale = schema.Numeric[n];
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                float v = scale.Apply(raw[rows[i]]);
                values[i] = v;
                dense[(i * width) + n] = v;
            }

            numeric[n] = values;
        }

        var income = new float[count];
        var neverMarried = new float[count];
        var weights = new float[count];
        var sourceRows = new int[count];
        for (int i = 0; i < count; i++)
        {
            int row = rows[i];
            sourceRows[i] = row;
            income[i] = table.IncomeArray[row] ? 1f : 0f;
            neverMarried[i] = table.NeverMarriedArray[row] ? 1f : 0f;
            weights[i] = (float)table.WeightArray[row];
        }

        return new CensusSplit(name, table.Source, sourceRows, categorical, numeric, dense, income, neverMarried, weights);
    }
}
