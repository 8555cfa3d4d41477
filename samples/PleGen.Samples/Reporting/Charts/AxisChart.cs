using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>What every single-plot chart has: a title, axis labels and a height (width follows from the content).</summary>
public abstract class AxisChart : ISvgChart
{
    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>Label under the x axis (may be empty).</summary>
    public string XAxisLabel { get; init; } = string.Empty;

    /// <summary>Label of the value axis.</summary>
    public string YAxisLabel { get; init; } = string.Empty;

    /// <summary>Total height in pixels.</summary>
    public double Height { get; init; } = 440;

    /// <inheritdoc />
    public abstract XElement Render();
}
