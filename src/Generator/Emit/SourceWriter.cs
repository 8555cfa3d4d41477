using System.Text;

namespace PleGen.Generator.Emit;

/// <summary>Writes indented C# source; generated code is read by users, so layout matters.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string header)
    {
        Open(header);
        return new Closer(this);
    }

    /// <summary>A documented member: its one-line summary, its lines, then a blank line.</summary>
    public SourceWriter Member(string summary, params string[] lines)
    {
        Line($"/// <summary>{summary}</summary>");
        foreach (string line in lines)
        {
            Line(line);
        }

        return Line();
    }

    /// <summary>A member documented by the interface it implements: <c>&lt;inheritdoc /&gt;</c>, its lines, then a blank line.</summary>
    public SourceWriter Inherited(params string[] lines)
    {
        Line("/// <inheritdoc />");
        foreach (string line in lines)
        {
            Line(line);
        }

        return Line();
    }

    /// <summary>Members without docs (private ones, overrides): each line, then a blank line.</summary>
    public SourceWriter Members(params string[] lines)
    {
        foreach (string line in lines)
        {
            Line(line).Line();
        }

        return this;
    }

    /// <summary>A collection initializer: the declaration, then one item per line.</summary>
    public SourceWriter Initializer(string declaration, IEnumerable<string> items)
    {
        Line(declaration);
        Line("{");
        foreach (string item in items)
        {
            Line("    " + item + ",");
        }

        return Line("};");
    }

    public override string ToString() => _text.ToString();

    /// <summary>A C# string literal for <paramref name="value"/> (regular, escaped: works at any language version).</summary>
    /// <summary>Text inside an interpolated string literal: escaped like a literal's content, braces doubled.</summary>
    public static string InterpolatedText(string value)
    {
        string literal = Literal(value);
        return literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}");
    }

    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
