namespace PleGen.Samples.Reporting.Charts;

/// <summary>Saving and printing charts.</summary>
public static class SvgChartExtensions
{
    /// <summary>Writes the chart to <paramref name="path"/> atomically.</summary>
    public static void Save(this ISvgChart chart, string path) => Svg.Write(path, chart.Render());

    /// <summary>The chart as SVG document text.</summary>
    public static string ToSvg(this ISvgChart chart) => Svg.ToDocument(chart.Render());
}
