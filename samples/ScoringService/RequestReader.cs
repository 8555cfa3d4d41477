using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PleGen.Runtime.Data;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// Turns a request body into a <see cref="FeatureBatch"/>, checking every field. The body is an array of rows, or an
/// object whose <c>rows</c> is that array; each row is an object with one field per feature of the model, no more, no
/// less. A dense feature of width 1 is a number (or an array of one); of width w, an array of w numbers. A categorical
/// feature is an integer id in <c>[0, cardinality)</c>, or, when the model comes with its preprocessing file, a string
/// mapped through the training vocabulary (unknown strings become id 0, the data layer's out-of-vocabulary id, unless
/// <see cref="UnknownCategoryPolicy.Reject"/>); dense values are then raw and standardized with the training statistics.
/// Every refusal is a <see cref="ScoringRequestException"/> naming the field.
/// </summary>
public sealed class RequestReader
{
    private readonly ModelSchema _schema;
    private readonly Preprocessing? _preprocessing;
    private readonly int _maxRows;
    private readonly UnknownCategoryPolicy _unknown;
    private readonly Standardization?[][] _scales;
    private readonly CategoricalVocabulary?[] _vocabularies;
    private readonly string[] _expected;
    private readonly string _featureList;

    /// <summary>A reader for <paramref name="schema"/>'s features, raw values when <paramref name="preprocessing"/> is given.</summary>
    /// <exception cref="ArgumentException">The preprocessing does not fit the model (a dense mapping of another width, a categorical column without a vocabulary, or a vocabulary larger than the cardinality).</exception>
    public RequestReader(ModelSchema schema, Preprocessing? preprocessing, int maxRows, UnknownCategoryPolicy unknown = UnknownCategoryPolicy.OutOfVocabulary)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        _schema = schema;
        _preprocessing = preprocessing;
        _maxRows = maxRows;
        _unknown = unknown;
        int count = schema.Features.Count;
        _scales = new Standardization?[count][];
        _vocabularies = new CategoricalVocabulary?[count];
        for (int f = 0; f < count; f++)
        {
            FeatureSchema feature = schema.Features[f];
            _scales[f] = [];
            if (preprocessing is null)
            {
                continue;
            }

            if (feature.IsCategorical)
            {
                string column = preprocessing.Mapping.CategoricalColumn(feature.Name);
                CategoricalVocabulary vocabulary = preprocessing.VocabularyOf(column)
                    ?? throw new ArgumentException($"Categorical feature '{feature.Name}' binds to column '{column}', which has no vocabulary in the preprocessing file.", nameof(preprocessing));
                if (vocabulary.Cardinality > feature.Cardinality)
                {
                    throw new ArgumentException($"Categorical feature '{feature.Name}' has cardinality {feature.Cardinality}, but the vocabulary of column '{column}' needs {vocabulary.Cardinality}: the preprocessing file belongs to another model.", nameof(preprocessing));
                }

                _vocabularies[f] = vocabulary;
            }
            else
            {
                IReadOnlyList<string> columns = preprocessing.Mapping.DenseColumns(feature.Name);
                if (columns.Count != feature.Width)
                {
                    throw new ArgumentException($"Dense feature '{feature.Name}' has width {feature.Width}, but the preprocessing file maps it to {columns.Count} column(s) ({string.Join(", ", columns)}).", nameof(preprocessing));
                }

                _scales[f] = columns.Select(preprocessing.StandardizationOf).ToArray();
            }
        }

        _expected = schema.Features.Select((f, i) => Describe(f, _vocabularies[i], unknown)).ToArray();
        _featureList = string.Join(", ", schema.Features.Select(f => f.Name));
    }

    /// <summary>"raw" (values as in the training data, through the preprocessing file) or "encoded" (ids and model-ready dense values).</summary>
    public string InputMode => _preprocessing is null ? "encoded" : "raw";

    /// <summary>The preprocessing the raw values go through, or null.</summary>
    public Preprocessing? Preprocessing => _preprocessing;

    /// <summary>What a row's field for feature <paramref name="feature"/> must hold, in words.</summary>
    public string Expected(int feature) => _expected[feature];

    /// <summary>Checks and encodes the rows of <paramref name="root"/>.</summary>
    /// <exception cref="ScoringRequestException">A field is missing, unknown, of the wrong type, width or range; the batch is empty or too large.</exception>
    public FeatureBatch Read(JsonElement root)
    {
        JsonElement rows = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("rows", out rows) || root.EnumerateObject().Count() != 1)
            {
                throw new ScoringRequestException("$", "Expected an object with one field, \"rows\" (an array of rows), or an array of rows.");
            }
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new ScoringRequestException("rows", $"Expected an array of rows, got {Kind(rows)}.");
        }

        int count = rows.GetArrayLength();
        if (count == 0)
        {
            throw new ScoringRequestException("rows", "The batch is empty: send at least one row.");
        }

        if (count > _maxRows)
        {
            throw new ScoringRequestException("rows", $"{count} rows is more than the {_maxRows} a request may carry (Scoring:MaxRows); split the batch.");
        }

        var batch = new FeatureBatch(_schema, count);
        var seen = new bool[_schema.Features.Count];
        int r = 0;
        foreach (JsonElement row in rows.EnumerateArray())
        {
            ReadRow(row, r++, batch, seen);
        }

        return batch;
    }

    private void ReadRow(JsonElement row, int r, FeatureBatch batch, bool[] seen)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new ScoringRequestException($"rows[{r}]", $"Expected an object with the features {_featureList}, got {Kind(row)}.");
        }

        Array.Clear(seen);
        foreach (JsonProperty field in row.EnumerateObject())
        {
            string path = $"rows[{r}].{field.Name}";
            int f = _schema.IndexOf(field.Name);
            if (f < 0)
            {
                throw new ScoringRequestException(path, $"Unknown feature '{field.Name}'; the model reads {_featureList}.");
            }

            if (seen[f])
            {
                throw new ScoringRequestException(path, $"Feature '{field.Name}' appears twice in the row.");
            }

            seen[f] = true;
            if (_schema.Features[f].IsCategorical)
            {
                batch.Ids(f)[r] = ReadCategorical(field.Value, f, path);
            }
            else
            {
                ReadDense(field.Value, f, path, batch.Dense(f).AsSpan(r * _schema.Features[f].Width, _schema.Features[f].Width));
            }
        }

        for (int f = 0; f < seen.Length; f++)
        {
            if (!seen[f])
            {
                throw new ScoringRequestException($"rows[{r}].{_schema.Features[f].Name}", $"Missing feature '{_schema.Features[f].Name}': expected {_expected[f]}.");
            }
        }
    }

    private void ReadDense(JsonElement value, int f, string path, Span<float> destination)
    {
        FeatureSchema feature = _schema.Features[f];
        if (value.ValueKind == JsonValueKind.Number && feature.Width == 1)
        {
            destination[0] = Scale(Number(value, path), f, 0, path);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ScoringRequestException(path, $"Expected {_expected[f]}, got {Kind(value)}.");
        }

        int length = value.GetArrayLength();
        if (length != feature.Width)
        {
            throw new ScoringRequestException(path, $"Dense feature '{feature.Name}' has width {feature.Width}: expected {_expected[f]}, got an array of {length}.");
        }

        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string itemPath = $"{path}[{i}]";
            if (item.ValueKind != JsonValueKind.Number)
            {
                throw new ScoringRequestException(itemPath, $"Expected a number, got {Kind(item)}.");
            }

            destination[i] = Scale(Number(item, itemPath), f, i, itemPath);
            i++;
        }
    }

    private float Scale(float value, int f, int column, string path)
    {
        // As Preprocessing.Apply does: the float read from the data, standardized in double, rounded to float.
        if (_scales[f].Length == 0 || _scales[f][column] is not { } scale)
        {
            return value;
        }

        float scaled = scale.Apply(value);
        return float.IsFinite(scaled) ? scaled
            : throw new ScoringRequestException(path, $"{value.ToString(CultureInfo.InvariantCulture)} is not finite once standardized (mean {scale.Mean}, std {scale.Std}).");
    }

    private int ReadCategorical(JsonElement value, int f, string path)
    {
        FeatureSchema feature = _schema.Features[f];
        if (_vocabularies[f] is { } vocabulary)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new ScoringRequestException(path, $"Expected {_expected[f]}, got {Kind(value)}.");
            }

            string category = value.GetString()!;
            int id = vocabulary.IdOf(category);
            if (id == CategoricalVocabulary.OutOfVocabularyId && _unknown == UnknownCategoryPolicy.Reject)
            {
                throw new ScoringRequestException(path, $"'{category}' is not in the training vocabulary of column '{vocabulary.Column}' ({vocabulary.Values.Count} values), and Scoring:UnknownCategories is Reject.");
            }

            return id;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ScoringRequestException(path, $"Expected {_expected[f]}, got {Kind(value)}.");
        }

        if (!value.TryGetInt64(out long raw))
        {
            throw new ScoringRequestException(path, $"Expected {_expected[f]}, got {value.GetRawText()}.");
        }

        if (raw < 0 || raw >= feature.Cardinality)
        {
            throw new ScoringRequestException(path, $"Id {raw} of categorical feature '{feature.Name}' is out of range: expected {_expected[f]}.");
        }

        return (int)raw;
    }

    private static float Number(JsonElement value, string path)
    {
        float number = (float)value.GetDouble();
        return float.IsFinite(number) ? number
            : throw new ScoringRequestException(path, $"{value.GetRawText()} is outside the range of a 32-bit float.");
    }

    private static string Describe(FeatureSchema feature, CategoricalVocabulary? vocabulary, UnknownCategoryPolicy unknown)
    {
        if (feature.IsCategorical)
        {
            return vocabulary is null
                ? $"an integer id in [0, {feature.Cardinality})"
                : $"a string category of column '{vocabulary.Column}' ({vocabulary.Values.Count} known values; {(unknown == UnknownCategoryPolicy.Reject ? "others are refused" : "others map to id 0")})";
        }

        return feature.Width == 1 ? "a number" : $"an array of {feature.Width} numbers";
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        _ => "null",
    };
}
