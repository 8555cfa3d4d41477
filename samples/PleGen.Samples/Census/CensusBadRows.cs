using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PleGen.Samples.Census;

/// <summary>The malformed rows skipped while reading one file: how many, and the first few.</summary>
public sealed class CensusBadRows
{
    private readonly List<CensusBadRow> _first = new();
    private readonly int _keep;

    /// <summary>Creates an empty log for <paramref name="filePath"/> that keeps the first <paramref name="keep"/> rows.</summary>
    public CensusBadRows(string filePath, int keep)
    {
        FilePath = filePath;
        _keep = keep;
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>How many rows were skipped.</summary>
    public int Count { get; private set; }

    /// <summary>The first skipped rows, in file order.</summary>
    public IReadOnlyList<CensusBadRow> First => _first;

    /// <summary>1-based line numbers of <see cref="First"/>.</summary>
    public IReadOnlyList<int> FirstLineNumbers => _first.Select(r => r.LineNumber).ToArray();

    internal void Add(int lineNumber, string problem)
    {
        Count++;
        if (_first.Count < _keep)
        {
            _first.Add(new CensusBadRow(lineNumber, problem));
        }
    }

    internal void Clear()
    {
        Count = 0;
        _first.Clear();
    }

    /// <summary>"census-income.test.gz: skipped 3 malformed rows; first: line 4 (expected 42 fields, found 17), ...".</summary>
    public override string ToString()
    {
        string file = Path.GetFileName(FilePath);
        if (Count == 0)
        {
            return $"{file}: no malformed rows";
        }

        string first = string.Join(", ", _first.Select(r => $"line {r.LineNumber} ({r.Problem})"));
        string more = Count > _first.Count ? ", ..." : string.Empty;
        return $"{file}: skipped {Count} malformed row{(Count == 1 ? string.Empty : "s")}; first: {first}{more}";
    }
}
