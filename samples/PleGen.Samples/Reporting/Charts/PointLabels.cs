using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>A rectangle in chart pixels (y grows down).</summary>
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    /// <summary>The area <paramref name="other"/> shares with this box; 0 when they do not meet.</summary>
    public double Overlap(Box other) =>
        Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    /// <summary>The area of this box outside <paramref name="bounds"/>.</summary>
    public double Outside(Box bounds) => ((Right - Left) * (Bottom - Top)) - Overlap(bounds);

    /// <summary>How far (<paramref name="x"/>, <paramref name="y"/>) is from the nearest point of this box; 0 inside it.</summary>
    public double Distance(double x, double y)
    {
        double dx = Math.Max(0, Math.Max(Left - x, x - Right)), dy = Math.Max(0, Math.Max(Top - y, y - Bottom));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>This box grown by <paramref name="margin"/> on every side.</summary>
    public Box Inflate(double margin) => new(Left - margin, Top - margin, Right + margin, Bottom + margin);

    /// <summary>The box around a circle.</summary>
    public static Box Around(double x, double y, double r) => new(x - r, y - r, x + r, y + r);
}

/// <summary>Where a label of <see cref="PointLabels"/> went: its box, the text's x (with <see cref="Anchor"/>) and baseline, and whether it sits away from its point (drawn with a leader line).</summary>
internal sealed record PlacedLabel(Box Box, double TextX, double Baseline, string Anchor, bool Leader);

/// <summary>
/// Names beside the bubbles of a scatter chart, placed so that they overlap each other, the other bubbles and the
/// <c>obstacles</c> as little as possible: each label, in turn, takes the cheapest of eight places around its bubble
/// (right, upper right, lower right, left, upper left, lower left, above, below), then of the same eight one label
/// height farther out (with a leader line back to the bubble). A place costs the area it shares with the labels
/// already placed (with a margin, so two names never touch), the other bubbles and the obstacles, plus what runs outside the bounds, plus a fixed price for
/// being farther out and for sitting nearer another bubble than its own (the name would seem to be the other's); at
/// equal cost the earlier place wins, so a label with room stays on the right of its bubble.
/// </summary>
internal static class PointLabels
{
    private const double Gap = 3;

    /// <summary>
    /// The labels of <paramref name="points"/> (bubble center, radius and the label's text width), all of text size
    /// <paramref name="size"/>, inside <paramref name="bounds"/>; every bubble is an obstacle to the other labels.
    /// </summary>
    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<(double X, double Y, double R, double TextWidth)> points, double size, Box bounds, IReadOnlyList<Box> obstacles)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(obstacles);
        var bubbles = points.Select(p => Box.Around(p.X, p.Y, p.R)).ToArray();
        var placed = new List<PlacedLabel>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var (x, y, r, width) = points[i];
            PlacedLabel? best = null;
            double bestCost = double.PositiveInfinity;
            foreach (PlacedLabel candidate in Candidates(x, y, r, width, size))
            {
                double cost = (candidate.Box.Outside(bounds) * 4)
                    + (placed.Sum(p => p.Box.Inflate(Gap).Overlap(candidate.Box)) * 2) // touching names read as one
                    + bubbles.Where((_, j) => j != i).Sum(b => b.Overlap(candidate.Box))
                    + obstacles.Sum(o => o.Overlap(candidate.Box))
                    + (candidate.Leader ? size * size : 0) // farther out only when it clearly helps
                    + (Ambiguous(candidate.Box, i, points) ? size * size : 0);
                if (cost < bestCost - 1e-9)
                {
                    (best, bestCost) = (candidate, cost);
                }
            }

            placed.Add(best!);
        }

        return placed;
    }

    /// <summary>Whether the rim of another bubble is nearer to <paramref name="box"/> than point <paramref name="own"/>'s: the name would seem to be the other's.</summary>
    private static bool Ambiguous(Box box, int own, IReadOnlyList<(double X, double Y, double R, double TextWidth)> points)
    {
        double Gap(int j) => box.Distance(points[j].X, points[j].Y) - points[j].R;
        double mine = Gap(own);
        for (int j = 0; j < points.Count; j++)
        {
            if (j != own && Gap(j) < mine)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<PlacedLabel> Candidates(double x, double y, double r, double width, double size)
    {
        foreach (double extra in new[] { 0, size + Gap })
        {
            double d = r + Gap + extra, diagonal = (r * 0.7) + Gap + (extra * 0.7);
            bool leader = extra > 0;
            yield return Label(x + d, y - (size / 2), width, size, "start", leader);                        // right
            yield return Label(x + diagonal, y - diagonal - size, width, size, "start", leader);            // upper right
            yield return Label(x + diagonal, y + diagonal, width, size, "start", leader);                   // lower right
            yield return Label(x - d - width, y - (size / 2), width, size, "end", leader);                  // left
            yield return Label(x - diagonal - width, y - diagonal - size, width, size, "end", leader);      // upper left
            yield return Label(x - diagonal - width, y + diagonal, width, size, "end", leader);             // lower left
            yield return Label(x - (width / 2), y - d - size, width, size, "middle", leader);               // above
            yield return Label(x - (width / 2), y + d, width, size, "middle", leader);                      // below
        }
    }

    private static PlacedLabel Label(double left, double top, double width, double size, string anchor, bool leader)
    {
        var box = new Box(left, top, left + width, top + size);
        double textX = anchor switch { "start" => box.Left, "end" => box.Right, _ => (box.Left + box.Right) / 2 };
        // The baseline sits about 0.8 of the size below the top of the text (DejaVu Sans' ascent), the rest is descent.
        return new PlacedLabel(box, textX, top + (size * 0.8), anchor, leader);
    }
}
