using System.IO;

namespace PleGen.Runtime;

/// <summary>
/// A checkpoint could not be written or read: a corrupt or truncated file, a missing or unexpected parameter, or a
/// shape that does not match. The message names the file, the parameter and both shapes where they apply.
/// </summary>
public sealed class CheckpointException : IOException
{
    public CheckpointException(string message)
        : base(message)
    {
    }

    public CheckpointException(string message, System.Exception inner)
        : base(message, inner)
    {
    }
}
