using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>
/// The preprocessing fitted on a training split: a <see cref="CategoricalVocabulary"/> per categorical column, a
/// <see cref="Standardization"/> per scaled numeric column, and the <see cref="ColumnMapping"/> of features and tasks to
/// columns. <see cref="Apply"/> turns any table with those columns (training, validation, test, or new data at inference)
/// into a <see cref="PreparedTable"/> the same way; <see cref="Save"/> and <see cref="Load"/> keep it beside a checkpoint
/// (<see cref="PathBeside"/>) as JSON, so inference maps values exactly as training did.
/// </summary>
public sealed class Preprocessing : ICardinalitySource
{
    /// <summary>The version of the JSON format <see cref="Save"/> writes and <see cref="Load"/> reads.</summary>
    public const int FormatVersion = 1;

    private readonly Dictionary<string, CategoricalVocabulary> _vocabularies;
    private readonly Dictionary<string, Standardization> _standardizations;

    /// <summary>Creates a preprocessing from fitted parts (as <see cref="Fit"/> and <see cref="Load"/> do).</summary>
    public Preprocessing(IEnumerable<CategoricalVocabulary> vocabularies, IEnumerable<Standardization> standardizations, ColumnMapping mapping, VocabularyOrder order = VocabularyOrder.Frequency, int minCategoryCount = 1)
    {
        ArgumentNullException.ThrowIfNull(vocabularies);
        ArgumentNullException.ThrowIfNull(standardizations);
        ArgumentNullException.ThrowIfNull(mapping);
        Vocabularies = vocabularies.ToArray();
        Standardizations = standardizations.ToArray();
        _vocabularies = Index(Vocabularies, v => v.Column, "vocabulary");
        _standardizations = Index(Standardizations, s => s.Column, "standardization");
        Mapping = mapping;
        Order = order;
        MinCategoryCount = minCategoryCount;
    }

    /// <summary>The vocabularies, one per categorical column.</summary>
    public IReadOnlyList<CategoricalVocabulary> Vocabularies { get; }

    /// <summary>The standardization statistics, one per scaled numeric column.</summary>
    public IReadOnlyList<Standardization> Standardizations { get; }

    /// <summary>Which columns the features and tasks bind to.</summary>
    public ColumnMapping Mapping { get; }

    /// <summary>The order the vocabularies were built in.</summary>
    public VocabularyOrder Order { get; }

    /// <summary>The minimum training count a value needed for an id of its own.</summary>
    public int MinCategoryCount { get; }

    /// <summary>
    /// The preprocessing file beside a checkpoint: "model.safetensors" -> "model.preprocessing.json" (its extension replaced).
    /// </summary>
    public static string PathBeside(string checkpointPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointPath);
        return Path.ChangeExtension(checkpointPath, ".preprocessing.json");
    }

    /// <summary>
    /// Fits vocabularies and standardization on <paramref name="trainingRows"/> of <paramref name="table"/> (all rows when
    /// null): nothing of the other rows is looked at, so validation and test values unseen in training get id 0.
    /// </summary>
    /// <exception cref="ColumnNotFoundException">A column the options name is not in the table.</exception>
    /// <exception cref="DataBindingException">A column the options name has the other kind.</exception>
    public static Preprocessing Fit(DataTable table, IReadOnlyList<int>? trainingRows, PreprocessingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new PreprocessingOptions();
        if (trainingRows is { Count: 0 })
        {
            throw new ArgumentException($"{table.Source}: the training split is empty; vocabularies and statistics need training rows.", nameof(trainingRows));
        }

        IEnumerable<string> categorical = options.Categorical ?? table.Columns.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name);
        CategoricalVocabulary[] vocabularies = categorical
            .Select(name => CategoricalVocabulary.Fit(table.Categorical(name, "PreprocessingOptions.Categorical"), trainingRows, options.Order, options.MinCategoryCount))
            .ToArray();
        Standardization[] standardizations = options.Standardize
            .Select(name => Standardization.Fit(table.Numeric(name, "PreprocessingOptions.Standardize"), trainingRows))
            .ToArray();
        return new Preprocessing(vocabularies, standardizations, options.Mapping, options.Order, options.MinCategoryCount);
    }

    /// <summary>Reads a preprocessing saved by <see cref="Save"/>.</summary>
    /// <exception cref="PreprocessingFileException">The file is missing, not valid JSON, not preprocessing, or another format version.</exception>
    public static Preprocessing Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PreprocessingFile.Read(path);
    }

    /// <summary>The vocabulary of <paramref name="column"/>, or null when the column has none.</summary>
    public CategoricalVocabulary? VocabularyOf(string column) => _vocabularies.GetValueOrDefault(column);

    /// <summary>
    /// The cardinality of categorical feature <paramref name="feature"/>: its column's (by <see cref="Mapping"/>) training
    /// vocabulary size plus the out-of-vocabulary id 0.
    /// </summary>
    /// <exception cref="DataBindingException">The feature's column has no vocabulary in this preprocessing.</exception>
    public int CardinalityOf(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        string column = Mapping.CategoricalColumn(feature);
        if (VocabularyOf(column) is { } vocabulary)
        {
            return vocabulary.Cardinality;
        }

        throw new DataBindingException($"categorical feature '{feature}'",
            $"Categorical feature '{feature}' takes its cardinality from the data, but its column '{column}' has no vocabulary in this preprocessing: " +
            $"add '{column}' to PreprocessingOptions.Categorical, or map the feature to a categorical column (ColumnMapping.MapCategorical). Columns with vocabularies: {NameSuggestions.List(Vocabularies.Select(v => v.Column))}.");
    }

    /// <summary>The standardization of <paramref name="column"/>, or null when the column is not scaled.</summary>
    public Standardization? StandardizationOf(string column) => _standardizations.GetValueOrDefault(column);

    /// <summary>
    /// Encodes and scales <paramref name="rows"/> of <paramref name="table"/> (all rows when null): every vocabulary column
    /// becomes ids (0 for unseen values), every standardized column is scaled with the training statistics, and other
    /// numeric columns (labels, masks, unscaled features) are kept as they are.
    /// </summary>
    /// <exception cref="ColumnNotFoundException">The table lacks a column this preprocessing was fitted on.</exception>
    public PreparedTable Apply(DataTable table, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        DataTable selected = rows is null ? table : table.Select(rows);
        var ids = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (CategoricalVocabulary vocabulary in Vocabularies)
        {
            ids[vocabulary.Column] = vocabulary.Encode(selected.Categorical(vocabulary.Column, $"its vocabulary in the preprocessing"));
        }

        var scaled = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (Standardization scale in Standardizations)
        {
            scaled[scale.Column] = scale.Apply(selected.Numeric(scale.Column, $"its standardization in the preprocessing"));
        }

        return new PreparedTable(this, selected, ids, scaled);
    }

    /// <summary>Saves the preprocessing as JSON, atomically (a temporary file renamed over <paramref name="path"/>).</summary>
    /// <exception cref="PreprocessingFileException">The file could not be written; any previous file is unchanged.</exception>
    public void Save(string path) => SaveWith(path, null);

    internal void SaveWith(string path, Func<Stream, Stream>? wrapStream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, PreprocessingFile.Serialize(this), (message, inner) => new PreprocessingFileException(path, message, inner), wrapStream);
    }

    private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string> column, string what)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T item in items)
        {
            if (!index.TryAdd(column(item), item))
            {
                throw new ArgumentException($"Two {what} entries for column '{column(item)}'; a column has at most one.");
            }
        }

        return index;
    }
}
