using System.Collections.Generic;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// The eight Okabe-Ito colors (distinguishable with color-vision deficiencies and of varied lightness, so they stay
/// apart in grayscale print), then four dark ones of Paul Tol's muted scheme (wine, indigo, olive, brown), so that a
/// comparison of up to twelve models (the samples' eleven) gives every model its own color; with dash patterns and
/// marker shapes to tell line series apart without color.
/// </summary>
public static class Palette
{
    /// <summary>Neutral gray for shared experts and reference elements.</summary>
    public const string Neutral = "#8C8C8C";

    /// <summary>Axis, tick and text color.</summary>
    public const string Ink = "#222222";

    /// <summary>Light grid lines.</summary>
    public const string Grid = "#E3E3E3";

    private static readonly string[] Colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442", "#882255", "#332288", "#999933", "#661100"];

    private static readonly string?[] Dashes = [null, "7 4", "2 3", "9 3 2 3", "4 4", "12 4", "1 2", "6 2 2 2 2 2"];

    /// <summary>The colors, in the order series use them.</summary>
    public static IReadOnlyList<string> Series => Colors;

    /// <summary>The color of series <paramref name="index"/> (cycling).</summary>
    public static string Color(int index) => Colors[index % Colors.Length];

    /// <summary>The dash pattern of line series <paramref name="index"/>; null is solid.</summary>
    public static string? Dash(int index) => Dashes[index % Dashes.Length];

    /// <summary>The marker shape of line series <paramref name="index"/>.</summary>
    public static MarkerShape Marker(int index) => (MarkerShape)(index % 4);
}
