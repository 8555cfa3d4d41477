using System;
using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>A model's declared features or tasks do not fit the data: every problem is listed, each with what to change.</summary>
public sealed class SchemaMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public SchemaMismatchException(string subject, IReadOnlyList<string> problems)
        : base($"{subject} does not match the census data:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Each mismatch, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
