using Microsoft.CodeAnalysis.Text;

namespace PleGen.Generator.Diagnostics;

/// <summary>
/// A value-equal, syntax-free source location: the pipeline must not hold syntax trees (they would defeat
/// caching and keep compilations alive), so locations travel as path + spans and become a
/// <see cref="Location"/> only when reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
