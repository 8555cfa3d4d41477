using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>A chart that renders itself as a standalone <c>svg</c> element (with width and height attributes).</summary>
public interface ISvgChart
{
    /// <summary>The chart as an <c>svg</c> element.</summary>
    XElement Render();
}
