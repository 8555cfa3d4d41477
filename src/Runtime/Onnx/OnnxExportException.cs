using System;

namespace PleGen.Runtime.Onnx;

/// <summary>
/// An ONNX export could not be built or written: a parameter the graph needs is missing or has the wrong shape, a
/// parameter is left unused, a value comes from another writer, a name is taken twice, or the file could not be written.
/// The message names the step, the parameter or value and what was expected. Every check runs before any byte is
/// written, and a failed write leaves any previous file at the path unchanged.
/// </summary>
public sealed class OnnxExportException : Exception
{
    /// <summary>An export problem; <paramref name="message"/> says what is wrong and what was expected.</summary>
    public OnnxExportException(string message)
        : base(message)
    {
    }

    /// <summary>An export problem caused by <paramref name="inner"/>.</summary>
    public OnnxExportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
