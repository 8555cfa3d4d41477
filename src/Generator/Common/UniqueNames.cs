using System.Globalization;

namespace PleGen.Generator.Common;

/// <summary>
/// Hands out identifiers that are unique within one scope. Generated names are built from user-chosen names
/// ("level0" + task identifier + "Experts"), so two of them can meet (a task named "shared" next to the shared
/// experts, task "a" at level 11 next to task "a1" at level 1); the first claimant keeps the plain name.
/// </summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The first free candidate, else the first one numbered from 2.</summary>
    public string Claim(params string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (_taken.Add(Key(candidate)))
            {
                return candidate;
            }
        }

        for (int n = 2; ; n++)
        {
            string numbered = candidates[0] + n.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(Key(numbered)))
            {
                return numbered;
            }
        }
    }

    // "@int" and "int" name the same variable.
    private static string Key(string identifier) => identifier.StartsWith("@", StringComparison.Ordinal) ? identifier.Substring(1) : identifier;
}
