using System.Globalization;
using System.Linq;
using System.Text;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// The generated files' hint names, unique by construction. Roslyn compares hint names ignoring case and allows only
/// a few characters, so a model's name is encoded injectively: ASCII letters and digits stay, '.' separates namespace
/// segments, '+' (written _002b) separates containing types, any other character becomes _ and its four hex digits
/// (so '_' itself is _005f), and a last segment of hex digits records which letters are upper case. "Shop.M" and
/// "shop.M", "N.Ctr" and "N.CTR", a model "M.TorchSharp" nested in M and the TorchSharp flavor of M all differ.
/// </summary>
internal static class HintNames
{
    public static string Model(ModelSpec spec) => Encode(spec) + ".g.cs";

    public static string TorchSharp(ModelSpec spec) => Encode(spec) + ".TorchSharp.g.cs";

    private static string Encode(ModelSpec spec)
    {
        string identity = (spec.Namespace is null ? "" : spec.Namespace + ".")
            + string.Concat(spec.ContainingTypes.Select(t => t.Name + "+"))
            + spec.ClassName;
        var name = new StringBuilder(identity.Length + 8);
        var upper = new StringBuilder();
        foreach (char c in identity)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                name.Append(c);
                upper.Append(c <= 'Z' ? '1' : '0');
            }
            else if (c is (>= '0' and <= '9') or '.')
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return name.Append('.').Append(CaseMask(upper.ToString())).ToString();
    }

    // One hex digit per four letters, first letter in the highest bit of the first digit; "0" for no letters.
    private static string CaseMask(string bits)
    {
        if (bits.Length == 0)
        {
            return "0";
        }

        var mask = new StringBuilder((bits.Length + 3) / 4);
        for (int i = 0; i < bits.Length; i += 4)
        {
            int digit = 0;
            for (int b = 0; b < 4; b++)
            {
                digit = (digit << 1) | (i + b < bits.Length && bits[i + b] == '1' ? 1 : 0);
            }

            mask.Append(digit.ToString("x", CultureInfo.InvariantCulture));
        }

        return mask.ToString();
    }
}
