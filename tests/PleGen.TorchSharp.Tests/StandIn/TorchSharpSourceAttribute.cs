// STAND-IN support: not part of TorchSharp's API.
using System;

namespace PleGen.TorchSharp.StandIn;

/// <summary>
/// Records where a stand-in declaration's signature was read: the file in github.com/dotnet/TorchSharp and the
/// release tag. Every type and member of the stand-in carries one; StandInAnnotationTests enforces it.
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Interface
        | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field,
    Inherited = false)]
public sealed class TorchSharpSourceAttribute : Attribute
{
    /// <param name="path">Path of the declaring source file in dotnet/TorchSharp, e.g. "src/TorchSharp/NN/Linear.cs".</param>
    /// <param name="version">TorchSharp release the signature was read from, e.g. "0.105.0".</param>
    public TorchSharpSourceAttribute(string path, string version)
    {
        Path = path;
        Version = version;
    }

    /// <summary>Path of the declaring source file in dotnet/TorchSharp.</summary>
    public string Path { get; }

    /// <summary>TorchSharp release (git tag without the leading 'v') the signature was read from.</summary>
    public string Version { get; }
}
