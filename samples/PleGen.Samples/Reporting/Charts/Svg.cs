using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// A small SVG writer: elements built with System.Xml.Linq, so text is always escaped and the output is
/// well-formed XML; coordinates printed with invariant culture and two decimals.
/// </summary>
public static class Svg
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Namespace = "http://www.w3.org/2000/svg";

    /// <summary>Fonts every renderer has some of.</summary>
    public const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";

    /// <summary>A root <c>svg</c> element of the given size with a white background.</summary>
    public static XElement Root(double width, double height)
    {
        var root = new XElement(Namespace + "svg",
            new XAttribute("width", Num(width)),
            new XAttribute("height", Num(height)),
            new XAttribute("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            new XAttribute("font-family", FontFamily));
        root.Add(Rect(0, 0, width, height, "white"));
        return root;
    }

    /// <summary>A filled rectangle, optionally outlined, with an optional tooltip.</summary>
    public static XElement Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1, string? tooltip = null)
    {
        var rect = new XElement(Namespace + "rect",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("width", Num(System.Math.Max(0, width))), new XAttribute("height", Num(System.Math.Max(0, height))),
            new XAttribute("fill", fill));
        if (stroke is not null)
        {
            rect.Add(new XAttribute("stroke", stroke), new XAttribute("stroke-width", Num(strokeWidth)));
        }

        AddTooltip(rect, tooltip);
        return rect;
    }

    /// <summary>A straight line.</summary>
    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        var line = new XElement(Namespace + "line",
            new XAttribute("x1", Num(x1)), new XAttribute("y1", Num(y1)),
            new XAttribute("x2", Num(x2)), new XAttribute("y2", Num(y2)),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", Num(strokeWidth)));
        if (dash is not null)
        {
            line.Add(new XAttribute("stroke-dasharray", dash));
        }

        return line;
    }

    /// <summary>Text at (x, y) (baseline), anchored start, middle or end, optionally rotated about its anchor.</summary>
    public static XElement Text(double x, double y, string text, double size, string anchor = "middle", string fill = "#222222", bool bold = false, double rotate = 0)
    {
        var element = new XElement(Namespace + "text",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("font-size", Num(size)), new XAttribute("text-anchor", anchor),
            new XAttribute("fill", fill),
            text);
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "bold"));
        }

        if (rotate != 0)
        {
            element.Add(new XAttribute("transform", $"rotate({Num(rotate)} {Num(x)} {Num(y)})"));
        }

        return element;
    }

    /// <summary>An open polyline through <paramref name="points"/>.</summary>
    public static XElement Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth, string? dash = null, string? tooltip = null)
    {
        var line = new XElement(Namespace + "polyline",
            new XAttribute("points", string.Join(" ", points.Select(p => $"{Num(p.X)},{Num(p.Y)}"))),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", Num(strokeWidth)),
            new XAttribute("stroke-linejoin", "round"));
        if (dash is not null)
        {
            line.Add(new XAttribute("stroke-dasharray", dash));
        }

        AddTooltip(line, tooltip);
        return line;
    }

    /// <summary>A closed polygon.</summary>
    public static XElement Polygon(IEnumerable<(double X, double Y)> points, string fill, string? tooltip = null)
    {
        var polygon = new XElement(Namespace + "polygon",
            new XAttribute("points", string.Join(" ", points.Select(p => $"{Num(p.X)},{Num(p.Y)}"))),
            new XAttribute("fill", fill));
        AddTooltip(polygon, tooltip);
        return polygon;
    }

    /// <summary>A circle.</summary>
    public static XElement Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        var circle = new XElement(Namespace + "circle",
            new XAttribute("cx", Num(cx)), new XAttribute("cy", Num(cy)), new XAttribute("r", Num(r)),
            new XAttribute("fill", fill));
        AddTooltip(circle, tooltip);
        return circle;
    }

    /// <summary>A group, optionally translated and with a class name (used by tests and stylesheets to find series).</summary>
    public static XElement Group(string? cssClass = null, double dx = 0, double dy = 0)
    {
        var group = new XElement(Namespace + "g");
        if (cssClass is not null)
        {
            group.Add(new XAttribute("class", cssClass));
        }

        if (dx != 0 || dy != 0)
        {
            group.Add(new XAttribute("transform", $"translate({Num(dx)} {Num(dy)})"));
        }

        return group;
    }

    /// <summary>The document text: XML declaration and the root element.</summary>
    public static string ToDocument(XElement root) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.None) + "\n";

    /// <summary>Writes <paramref name="root"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, XElement root) => AtomicFile.WriteAllText(path, ToDocument(root));

    /// <summary>A coordinate as SVG wants it: invariant culture, at most two decimals.</summary>
    public static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void AddTooltip(XElement element, string? tooltip)
    {
        if (tooltip is not null)
        {
            element.Add(new XElement(Namespace + "title", tooltip));
        }
    }
}
