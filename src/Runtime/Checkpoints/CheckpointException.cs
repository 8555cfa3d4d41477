using System;
using System.IO;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// A checkpoint could not be written or read: a corrupt or truncated file, an unsupported dtype, a missing or
/// unexpected parameter, or a shape that does not match. The message names the file, the parameter and both
/// shapes where they apply; a failed load has changed no parameter and a failed save has left the previous file.
/// </summary>
public sealed class CheckpointException : IOException
{
    /// <summary>A checkpoint problem; <paramref name="message"/> names the file and what is wrong.</summary>
    public CheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>A checkpoint problem caused by <paramref name="inner"/>.</summary>
    public CheckpointException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
