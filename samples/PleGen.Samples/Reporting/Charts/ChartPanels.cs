using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>Several charts in one SVG, in a grid of <see cref="Columns"/> columns under a common title (e.g. one panel per task).</summary>
public sealed class ChartPanels : ISvgChart
{
    /// <summary>Overall title (may be empty).</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The panels, row by row.</summary>
    public required IReadOnlyList<ISvgChart> Panels { get; init; }

    /// <summary>Panels per row. Default 2.</summary>
    public int Columns { get; init; } = 2;

    /// <inheritdoc />
    public XElement Render()
    {
        if (Panels.Count == 0 || Columns < 1)
        {
            throw new InvalidOperationException($"ChartPanels needs at least one panel and one column; got {Panels.Count} panels and {Columns} columns.");
        }

        XElement[] rendered = Panels.Select(p => p.Render()).ToArray();
        double[] widths = rendered.Select(r => Size(r, "width")).ToArray();
        double[] heights = rendered.Select(r => Size(r, "height")).ToArray();
        int rows = (rendered.Length + Columns - 1) / Columns;
        double[] columnWidths = Enumerable.Range(0, Columns).Select(c => Enumerable.Range(0, rows).Select(r => (r * Columns) + c).Where(i => i < rendered.Length).Select(i => widths[i]).DefaultIfEmpty(0).Max()).ToArray();
        double[] rowHeights = Enumerable.Range(0, rows).Select(r => Enumerable.Range(r * Columns, Columns).Where(i => i < rendered.Length).Select(i => heights[i]).Max()).ToArray();
        double top = Title.Length > 0 ? 40 : 0;
        double width = columnWidths.Sum();
        XElement root = Svg.Root(width, top + rowHeights.Sum());
        if (Title.Length > 0)
        {
            root.Add(Svg.Text(width / 2, 28, Title, ChartParts.TitleSize + 2, bold: true));
        }

        for (int i = 0; i < rendered.Length; i++)
        {
            int row = i / Columns, column = i % Columns;
            rendered[i].SetAttributeValue("x", Svg.Num(columnWidths.Take(column).Sum()));
            rendered[i].SetAttributeValue("y", Svg.Num(top + rowHeights.Take(row).Sum()));
            root.Add(rendered[i]);
        }

        return root;
    }

    private static double Size(XElement svg, string attribute) =>
        double.Parse(svg.Attribute(attribute)?.Value ?? throw new InvalidOperationException($"A panel's svg has no {attribute} attribute."), CultureInfo.InvariantCulture);
}
