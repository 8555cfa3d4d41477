using System;

namespace PleGen.Runtime.Data;

/// <summary>
/// A declared feature or task cannot be bound to the table: its column is missing or of the wrong kind, a dense width does
/// not match its columns, a vocabulary does not fit the declared cardinality, or a label is outside its task kind's range.
/// </summary>
public sealed class DataBindingException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="subject"/> ("dense feature 'user'", "task 'ctr'").</summary>
    public DataBindingException(string subject, string message, Exception? inner = null)
        : base(message, inner)
    {
        Subject = subject;
    }

    /// <summary>The feature or task that could not be bound, as the message names it.</summary>
    public string Subject { get; }
}
