namespace PleGen.Samples.Reporting.Charts;

/// <summary>Point markers of line series.</summary>
public enum MarkerShape
{
    /// <summary>Filled circle.</summary>
    Circle,

    /// <summary>Filled square.</summary>
    Square,

    /// <summary>Filled upward triangle.</summary>
    Triangle,

    /// <summary>Filled diamond.</summary>
    Diamond,
}
