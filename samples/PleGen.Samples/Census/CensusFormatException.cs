using System;
using System.IO;

namespace PleGen.Samples.Census;

/// <summary>A census data file has a malformed row (or is not readable as text or gzip).</summary>
public sealed class CensusFormatException : FormatException
{
    /// <summary>Creates the exception; the message reads "file line N: problem".</summary>
    public CensusFormatException(string filePath, int lineNumber, string problem, Exception? inner = null)
        : this(filePath, lineNumber, problem, Compose(filePath, lineNumber, problem), inner)
    {
    }

    private CensusFormatException(string filePath, int lineNumber, string problem, string message, Exception? inner)
        : base(message, inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file as it was given.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number of the malformed row (0 when the file as a whole is unreadable).</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong with the row.</summary>
    public string Problem { get; }

    /// <summary>
    /// The file as a whole cannot be trusted (a gzip file cut short or damaged, <paramref name="problem"/> saying which and
    /// what to do), found after <paramref name="completeLines"/> complete lines: there is no row to fix or skip.
    /// </summary>
    public static CensusFormatException Damaged(string filePath, string problem, int completeLines, Exception? inner = null)
    {
        string read = completeLines > 0 ? $"{completeLines} complete lines read; " : string.Empty;
        return new CensusFormatException(filePath, 0, problem, $"{Path.GetFileName(filePath)}: {problem} ({read}file: {Path.GetFullPath(filePath)}).", inner);
    }

    private static string Compose(string filePath, int lineNumber, string problem)
    {
        string file = Path.GetFileName(filePath);
        string full = Path.GetFullPath(filePath);
        return lineNumber > 0
            ? $"{file} line {lineNumber}: {problem} (file: {full}). Fix or remove the row, or pass --skip-bad-rows to skip and count malformed rows."
            : $"{file}: {problem} (file: {full}). Check that it is the UCI Census-Income (KDD) data, plain or gzip.";
    }
}
