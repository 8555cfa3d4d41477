namespace PleGen.Samples.Reporting.Charts;

/// <summary>The rectangle data is drawn in, in pixels of the chart.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
