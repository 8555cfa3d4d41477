using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using PleGen.Runtime.Tensors;
using Xunit.Sdk;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

/// <summary>
/// Reads the reference fixtures written by tests/fixtures/make_optim_fixtures.py (PyTorch 1.13, scikit-learn) and
/// compares within tolerance. The csproj copies tests/fixtures/** to the output's fixtures/ folder.
/// </summary>
internal static class ReferenceFixture
{
    /// <summary>Parity tolerance: 1e-5 relative to the reference value...</summary>
    public const double Relative = 1e-5;

    /// <summary>
    /// ...with an absolute floor of 1e-7 for values near zero: float32 rounding of the O(1) quantities an update is
    /// computed from (about 6e-8) is what limits agreement there.
    /// </summary>
    public const double AbsoluteFloor = 1e-7;

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    public static JsonElement Load(string relative)
    {
        string path = PathOf(relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Fixture {path} is missing; it is committed under tests/fixtures (written by make_optim_fixtures.py) and copied to the test output by the csproj.", path);
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static JsonElement Case(string relative, string name)
        => Load(relative).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The fixture's case names, as theory data.</summary>
    public static TheoryData<string> CaseNames(string relative)
    {
        var names = new TheoryData<string>();
        foreach (JsonElement c in Load(relative).GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    public static int[] Shape(JsonElement tensor) => [.. tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];

    public static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(v => (float)v.GetDouble())];

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    /// <summary>A {"shape", "values"} object as a tensor.</summary>
    public static Tensor Tensor(JsonElement tensor, bool requiresGrad = false)
        => new(Shape(tensor), Floats(tensor.GetProperty("values")), requiresGrad);

    /// <summary>Asserts <paramref name="actual"/> matches the {"shape", "values"} reference within tolerance.</summary>
    public static void AssertClose(string what, JsonElement expected, Tensor actual)
    {
        int[] shape = Shape(expected);
        if (ShapeUtil.Product(shape) != actual.Length)
        {
            throw new XunitException($"{what}: the reference has shape {ShapeUtil.Format(shape)}, ours {ShapeUtil.Format(actual.Shape)}.");
        }

        AssertClose(what, Doubles(expected.GetProperty("values")), actual.Data);
    }

    public static void AssertClose(string what, double[] expected, ReadOnlySpan<float> actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what}: the reference has {expected.Length} values, ours {actual.Length}.");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose($"{what}[{i}]", expected[i], actual[i]);
        }
    }

    public static void AssertClose(string what, double expected, double actual)
    {
        double tolerance = Math.Max(AbsoluteFloor, Relative * Math.Abs(expected));
        if (!(Math.Abs(actual - expected) <= tolerance))
        {
            throw new XunitException($"{what}: reference {expected:R}, ours {actual:R} (tolerance {tolerance:G3}).");
        }
    }
}
