using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>Column names in messages: "did you mean" (the closest existing name by edit distance, ignoring case, '_' and '-') and lists of names.</summary>
internal static class NameSuggestions
{
    /// <summary>The name in <paramref name="candidates"/> closest to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string wanted = Normalize(name);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    /// <summary>"Did you mean 'age'? Its columns are: a, b, c." (at most 40 listed).</summary>
    public static string Describe(string name, IReadOnlyList<string> available)
    {
        string suggestion = Closest(name, available) is { } close ? $"Did you mean '{close}'? " : string.Empty;
        if (available.Count == 0)
        {
            return suggestion + "It has no columns.";
        }

        string listed = string.Join(", ", available.Take(40).Select(c => $"'{c}'"));
        return $"{suggestion}Its columns are {listed}{(available.Count > 40 ? $" and {available.Count - 40} more" : string.Empty)}.";
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Names as a message lists them: 'a', 'b' (or none).</summary>
    public static string List(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        return all.Length == 0 ? "none" : string.Join(", ", all.Select(n => $"'{n}'"));
    }
}
