using System.Globalization;
using System.Text;

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
    public static string Model(TypeIdentity model) => Encode(model) + ".g.cs";

    public static string TorchSharp(TypeIdentity model) => Encode(model) + ".TorchSharp.g.cs";

    /// <summary>A task group's data types (Batch, Labels, Dataset).</summary>
    public static string DataTypes(TypeIdentity group) => Encode(group) + ".Data.g.cs";

    private static string Encode(TypeIdentity type)
    {
        string identity = (type.Namespace is null ? "" : type.Namespace + ".")
            + string.Concat(type.ContainingTypes.Select(t => t.Name + "+"))
            + type.Name;
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
