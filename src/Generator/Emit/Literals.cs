using System.Globalization;

namespace PleGen.Generator.Emit;

/// <summary>C# literals for generated code, culture-invariant.</summary>
internal static class Literals
{

    public static string String(string value) => SourceWriter.Literal(value);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    /// <summary>A double that reads as one: "1.0", "0.9", "1E-05".</summary>
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return value == System.Math.Floor(value) && !text.Contains("E") ? text + ".0" : text;
    }

    public static string Ints(IEnumerable<int> values) => "new int[] { " + string.Join(", ", values.Select(Int)) + " }";

    public static string Longs(IEnumerable<int> values) => "new long[] { " + string.Join(", ", values.Select(Int)) + " }";

    public static string Strings(IEnumerable<string> values) => "new[] { " + string.Join(", ", values.Select(String)) + " }";
}
