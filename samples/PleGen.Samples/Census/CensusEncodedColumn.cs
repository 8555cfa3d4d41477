using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>
/// A categorical column as read: each row's value stored as a code into <see cref="Values"/> (the distinct
/// values in order of first appearance). Codes are per file; model ids come from a <see cref="CategoricalVocabulary"/>.
/// </summary>
public sealed class CensusEncodedColumn
{
    internal CensusEncodedColumn(string name, int[] codes, string[] values)
    {
        Name = name;
        CodeArray = codes;
        Values = values;
    }

    /// <summary>Column name.</summary>
    public string Name { get; }

    /// <summary>Per row, the index of its value in <see cref="Values"/>.</summary>
    public IReadOnlyList<int> Codes => CodeArray;

    /// <summary>The distinct values of this file, in order of first appearance.</summary>
    public IReadOnlyList<string> Values { get; }

    internal int[] CodeArray { get; }
}
