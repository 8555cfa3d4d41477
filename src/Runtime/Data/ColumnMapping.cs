using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>
/// Which columns the declared features and tasks bind to. Without an entry a feature or task binds to the column of its
/// own name; a dense feature of width &gt; 1 maps to a list of numeric columns (<see cref="MapDense"/>), and a task's
/// sample-space mask binds only to a column mapped with <see cref="MapMask"/>. Saved with the preprocessing.
/// </summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string[]> _dense = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _categorical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _masks = new(StringComparer.Ordinal);

    /// <summary>Dense features mapped to columns, in the order the feature's values take them.</summary>
    public IReadOnlyDictionary<string, string[]> DenseMappings => _dense;

    /// <summary>Categorical features mapped to a column of another name.</summary>
    public IReadOnlyDictionary<string, string> CategoricalMappings => _categorical;

    /// <summary>Tasks whose labels come from a column of another name.</summary>
    public IReadOnlyDictionary<string, string> LabelMappings => _labels;

    /// <summary>Tasks with a sample-space mask column.</summary>
    public IReadOnlyDictionary<string, string> MaskMappings => _masks;

    /// <summary>Binds dense feature <paramref name="feature"/> to <paramref name="columns"/> (one per value, in order).</summary>
    public ColumnMapping MapDense(string feature, params string[] columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Dense feature '{feature}' needs one or more column names, none empty.", nameof(columns));
        }

        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            throw new ArgumentException($"Dense feature '{feature}' is mapped to a column twice: {string.Join(", ", columns)}.", nameof(columns));
        }

        _dense[feature] = columns.ToArray();
        return this;
    }

    /// <summary>Binds categorical feature <paramref name="feature"/> to <paramref name="column"/>.</summary>
    public ColumnMapping MapCategorical(string feature, string column) => Put(_categorical, feature, column);

    /// <summary>Takes task <paramref name="task"/>'s labels from <paramref name="column"/>.</summary>
    public ColumnMapping MapLabel(string task, string column) => Put(_labels, task, column);

    /// <summary>Takes task <paramref name="task"/>'s 0/1 sample-space mask from <paramref name="column"/>.</summary>
    public ColumnMapping MapMask(string task, string column) => Put(_masks, task, column);

    /// <summary>The columns dense feature <paramref name="feature"/> binds to: its mapping, or the column of its name.</summary>
    public IReadOnlyList<string> DenseColumns(string feature) => _dense.TryGetValue(feature, out string[]? columns) ? columns : [feature];

    /// <summary>The column categorical feature <paramref name="feature"/> binds to.</summary>
    public string CategoricalColumn(string feature) => _categorical.GetValueOrDefault(feature, feature);

    /// <summary>The column task <paramref name="task"/>'s labels come from.</summary>
    public string LabelColumn(string task) => _labels.GetValueOrDefault(task, task);

    /// <summary>The mask column of task <paramref name="task"/>, or null when it has none.</summary>
    public string? MaskColumn(string task) => _masks.GetValueOrDefault(task);

    private ColumnMapping Put(Dictionary<string, string> map, string name, string column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        map[name] = column;
        return this;
    }
}
