using System;
using System.Text;

namespace PleGen.Tests.Shared;

/// <summary>A short, readable description of where two texts start to differ, with context.</summary>
public static class LineDiff
{
    private const int Context = 3;
    private const int MaxShown = 12;

    public static string Describe(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        if (first == a.Length && first == b.Length)
        {
            return "(identical)";
        }

        var sb = new StringBuilder();
        sb.Append($"first difference at line {first + 1} (expected {a.Length} lines, received {b.Length}):\n");
        for (int i = Math.Max(0, first - Context); i < first; i++)
        {
            sb.Append($"  {i + 1,5}   {a[i]}\n");
        }

        for (int i = first; i < Math.Min(a.Length, first + MaxShown); i++)
        {
            sb.Append($"- {i + 1,5}   {a[i]}\n");
        }

        for (int i = first; i < Math.Min(b.Length, first + MaxShown); i++)
        {
            sb.Append($"+ {i + 1,5}   {b[i]}\n");
        }

        return sb.ToString();
    }
}
