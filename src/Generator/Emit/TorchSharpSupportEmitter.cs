using System.IO;

namespace PleGen.Generator.Emit;

/// <summary>
/// The part of the TorchSharp flavor every model shares, emitted once per compilation that has a TorchSharp model:
/// the parameter-holding modules (Expert, ExtractionLevel, whose field names make the state-dict names), the operations
/// (expert banks, gate mixing, towers, masked means, checkpoints), the libtorch load check and the Trainer session.
/// Internal, so each assembly has its own. The code is Support/TorchSharpSupport.cs, a real C# file embedded as a
/// resource (not compiled into the generator), so it is read, edited and reviewed as code.
/// </summary>
internal static class TorchSharpSupportEmitter
{
    public const string HintName = "PleGen.TorchSharpSupport.g.cs";

    private const string ResourceName = "PleGen.Generator.Emit.Support.TorchSharpSupport.cs";

    /// <summary>The support file's text, read once from the generator's own assembly.</summary>
    public static string Source { get; } = Read();

    private static string Read()
    {
        using Stream? stream = typeof(TorchSharpSupportEmitter).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            // A packaging mistake, caught by every TorchSharp snapshot test; never a user's problem.
            return "#error PleGen: the TorchSharp support code is missing from the generator (resource " + ResourceName + ")\n";
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
