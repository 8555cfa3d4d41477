using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PleGen.Runtime.Data;

/// <summary>The JSON form of a <see cref="Preprocessing"/>: written with <see cref="Utf8JsonWriter"/>, read back with every field checked.</summary>
internal static class PreprocessingFile
{
    public const string Format = "plegen-preprocessing";

    public static byte[] Serialize(Preprocessing preprocessing)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Preprocessing.FormatVersion);
            json.WriteString("vocabularyOrder", preprocessing.Order.ToString());
            json.WriteNumber("minCategoryCount", preprocessing.MinCategoryCount);
            json.WriteStartArray("vocabularies");
            foreach (CategoricalVocabulary vocabulary in preprocessing.Vocabularies)
            {
                json.WriteStartObject();
                json.WriteString("column", vocabulary.Column);
                json.WriteStartArray("values");
                foreach (string value in vocabulary.Values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("standardization");
            foreach (Standardization scale in preprocessing.Standardizations)
            {
                json.WriteStartObject();
                json.WriteString("column", scale.Column);
                json.WriteNumber("mean", scale.Mean);
                json.WriteNumber("std", scale.Std);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            ColumnMapping mapping = preprocessing.Mapping;
            json.WriteStartObject("mapping");
            json.WriteStartObject("dense");
            foreach ((string feature, string[] columns) in mapping.DenseMappings)
            {
                json.WriteStartArray(feature);
                foreach (string column in columns)
                {
                    json.WriteStringValue(column);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteMap(json, "categorical", mapping.CategoricalMappings);
            WriteMap(json, "labels", mapping.LabelMappings);
            WriteMap(json, "masks", mapping.MaskMappings);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static Preprocessing Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PreprocessingFileException(path, $"Preprocessing file not found: {Path.GetFullPath(path)}. Training saves it beside the checkpoint with Preprocessing.Save(Preprocessing.PathBeside(checkpoint)); pass that file.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            return FromJson(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            throw Invalid(path, $"a field is missing or has the wrong type ({e.Message})", e);
        }
    }

    private static Preprocessing FromJson(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw Invalid(path, $"it is not a PleGen preprocessing file (no \"format\": \"{Format}\")", null);
        }

        int version = root.GetProperty("version").GetInt32();
        if (version != Preprocessing.FormatVersion)
        {
            string which = version > Preprocessing.FormatVersion ? "a newer PleGen wrote it: upgrade PleGen to read it" : "an older format: fit and save the preprocessing again";
            throw new PreprocessingFileException(path, $"{path} is preprocessing format version {version}, but this PleGen reads version {Preprocessing.FormatVersion} ({which}).");
        }

        var order = Enum.Parse<VocabularyOrder>(root.GetProperty("vocabularyOrder").GetString()!);
        int minCount = root.GetProperty("minCategoryCount").GetInt32();
        var vocabularies = root.GetProperty("vocabularies").EnumerateArray()
            .Select(v => new CategoricalVocabulary(v.GetProperty("column").GetString()!, v.GetProperty("values").EnumerateArray().Select(s => s.GetString()!)))
            .ToArray();
        var standardizations = root.GetProperty("standardization").EnumerateArray()
            .Select(s => new Standardization(s.GetProperty("column").GetString()!, s.GetProperty("mean").GetDouble(), s.GetProperty("std").GetDouble()))
            .ToArray();
        foreach (Standardization s in standardizations)
        {
            if (!double.IsFinite(s.Mean) || !(s.Std >= 0) || !double.IsFinite(s.Std))
            {
                throw Invalid(path, $"column '{s.Column}' has mean {s.Mean} and std {s.Std}; a mean must be finite and a std finite and non-negative", null);
            }
        }

        JsonElement map = root.GetProperty("mapping");
        var mapping = new ColumnMapping();
        foreach (JsonProperty dense in map.GetProperty("dense").EnumerateObject())
        {
            mapping.MapDense(dense.Name, dense.Value.EnumerateArray().Select(c => c.GetString()!).ToArray());
        }

        ReadMap(map, "categorical", mapping.MapCategorical);
        ReadMap(map, "labels", mapping.MapLabel);
        ReadMap(map, "masks", mapping.MapMask);
        return new Preprocessing(vocabularies, standardizations, mapping, order, minCount);
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach ((string key, string column) in map)
        {
            json.WriteString(key, column);
        }

        json.WriteEndObject();
    }

    private static void ReadMap(JsonElement mapping, string name, Func<string, string, ColumnMapping> add)
    {
        foreach (JsonProperty entry in mapping.GetProperty(name).EnumerateObject())
        {
            add(entry.Name, entry.Value.GetString()!);
        }
    }

    private static PreprocessingFileException Invalid(string path, string problem, Exception? inner) =>
        new(path, $"{path} cannot be read as PleGen preprocessing: {problem}. Save it again with Preprocessing.Save after fitting on the training split.", inner);
}
