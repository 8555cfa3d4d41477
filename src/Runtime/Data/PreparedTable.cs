using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>
/// A table split after <see cref="Preprocessing.Apply"/>: categorical columns as vocabulary ids, standardized numeric
/// columns scaled with training statistics, the rest as read. As an <see cref="IColumnSource"/> it gives a generated
/// Dataset its arrays by declared name: a feature or task binds to the column of its name, or to the column(s) the
/// preprocessing's <see cref="ColumnMapping"/> names. Every array returned is new; the table is not changed.
/// </summary>
public sealed class PreparedTable : IColumnSource, ICardinalitySource
{
    private readonly Dictionary<string, int[]> _ids;
    private readonly Dictionary<string, float[]> _scaled;

    internal PreparedTable(Preprocessing preprocessing, DataTable table, Dictionary<string, int[]> ids, Dictionary<string, float[]> scaled)
    {
        Preprocessing = preprocessing;
        Table = table;
        _ids = ids;
        _scaled = scaled;
    }

    /// <summary>The preprocessing that encoded this table.</summary>
    public Preprocessing Preprocessing { get; }

    /// <summary>The rows as read (before encoding and scaling); each remembers its row and line in the source.</summary>
    public DataTable Table { get; }

    /// <inheritdoc />
    public int RowCount => Table.RowCount;

    /// <summary>The vocabulary ids of a categorical column (0 = not in the training vocabulary); shared, treat as read-only.</summary>
    /// <exception cref="DataBindingException">The column has no vocabulary.</exception>
    public int[] Ids(string column) => _ids.TryGetValue(column, out int[]? ids) ? ids
        : throw new DataBindingException($"column '{column}'", $"Column '{column}' has no vocabulary in the preprocessing; the columns with one are {NameSuggestions.List(_ids.Keys)}. Add it to PreprocessingOptions.Categorical.");

    /// <summary>A numeric column: standardized when the preprocessing scales it, otherwise as read; shared, treat as read-only.</summary>
    public float[] Values(string column, string? neededFor = null) => _scaled.TryGetValue(column, out float[]? values) ? values
        : Table.Numeric(column, neededFor).Values.ToArray();

    /// <inheritdoc />
    public float[] Dense(string feature, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        string subject = $"dense feature '{feature}'";
        IReadOnlyList<string> columns = Preprocessing.Mapping.DenseColumns(feature);
        if (columns.Count != width)
        {
            bool mapped = Preprocessing.Mapping.DenseMappings.ContainsKey(feature);
            string has = mapped
                ? $"is mapped to {columns.Count} column{(columns.Count == 1 ? string.Empty : "s")} ({NameSuggestions.List(columns)})"
                : $"has no mapping, so it binds to the single column '{feature}'";
            throw new DataBindingException(subject,
                $"Dense feature '{feature}' is declared with width {width} but {has}. Map it to {width} numeric columns: "
                + $"new ColumnMapping().MapDense(\"{feature}\", ...) in PreprocessingOptions.Mapping. {NameSuggestions.Describe(feature, Table.ColumnNames)}");
        }

        var dense = new float[RowCount * width];
        for (int c = 0; c < width; c++)
        {
            float[] values = Values(columns[c], subject);
            for (int i = 0; i < values.Length; i++)
            {
                dense[(i * width) + c] = values[i];
            }
        }

        return dense;
    }

    /// <inheritdoc />
    public int[] Categorical(string feature, int cardinality)
    {
        string column = Preprocessing.Mapping.CategoricalColumn(feature);
        string subject = $"categorical feature '{feature}'";
        DataColumn data = Table.Column(column, subject);
        if (Preprocessing.VocabularyOf(column) is not { } vocabulary)
        {
            string why = data.Kind == ColumnKind.Numeric ? "is numeric" : "has no vocabulary (it is not in PreprocessingOptions.Categorical)";
            throw new DataBindingException(subject, $"Categorical feature '{feature}' binds to column '{column}', which {why}; categorical features need a categorical column with a vocabulary fitted on the training split. Columns with vocabularies: {NameSuggestions.List(_ids.Keys)}.");
        }

        if (vocabulary.Cardinality > cardinality)
        {
            throw new DataBindingException(subject,
                $"Categorical feature '{feature}' declares cardinality {cardinality}, but column '{column}' has {vocabulary.Values.Count} values in its training vocabulary plus id 0 for unseen ones: declare cardinality {vocabulary.Cardinality} (or more), or raise PreprocessingOptions.MinCategoryCount.");
        }

        return (int[])_ids[column].Clone();
    }

    /// <inheritdoc />
    public int CardinalityOf(string feature) => Preprocessing.CardinalityOf(feature);

    /// <inheritdoc />
    public float[] Labels(string task, TaskKind kind)
    {
        string column = Preprocessing.Mapping.LabelColumn(task);
        string subject = $"task '{task}'";
        if (_scaled.ContainsKey(column))
        {
            // Labels are read as they are: a scaled label column would be used unscaled without a word.
            throw new DataBindingException(subject,
                $"Task '{task}' binds to column '{column}', which PreprocessingOptions.Standardize scales; labels are read as they are in the table (predictions and metrics stay in the label's units). Remove '{column}' from Standardize, or scale the target yourself before loading it.");
        }

        float[] labels = Table.Numeric(column, $"the labels of {subject}").Values.ToArray();
        if (kind == TaskKind.Binary)
        {
            CheckZeroOne(labels, subject, column, $"binary task '{task}' needs labels 0 or 1", "map the task to its 0/1 column with ColumnMapping.MapLabel");
        }

        return labels;
    }

    /// <inheritdoc />
    public float[]? Mask(string task)
    {
        if (Preprocessing.Mapping.MaskColumn(task) is not { } column)
        {
            return null;
        }

        string subject = $"task '{task}'";
        float[] mask = Table.Numeric(column, $"the mask of {subject}").Values.ToArray();
        CheckZeroOne(mask, subject, column, $"the sample-space mask of task '{task}' must be 0 (sample outside the task's space) or 1", "map the mask to a 0/1 column with ColumnMapping.MapMask");
        return mask;
    }

    private void CheckZeroOne(float[] values, string subject, string column, string rule, string fix)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is not (0f or 1f))
            {
                throw new DataBindingException(subject,
                    $"{Table.DescribeRow(i)}, column '{column}': {values[i].ToString(CultureInfo.InvariantCulture)} is not 0 or 1; {rule}. Fix the row, or {fix}.");
            }
        }
    }
}
