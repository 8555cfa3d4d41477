using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PleGen.Runtime;
using Xunit.Sdk;

namespace PleGen.Runtime.Tests.Parity;

/// <summary>Reads the PyTorch reference fixtures written by tests/fixtures/make_fixtures.py and compares within tolerance.</summary>
internal static class Fixture
{
    /// <summary>Parity tolerance: 1e-5 relative, with an absolute floor of 1e-6 for values near zero.</summary>
    public const double Relative = 1e-5;
    public const double AbsoluteFloor = 1e-6;

    public static JsonElement Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Fixture {path} is missing; it is committed under tests/fixtures and copied to the test output by the csproj.", path);
        }

        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static IEnumerable<object[]> CaseNames(string file)
        => Load(file).GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement Case(string file, string name)
        => Load(file).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static Tensor Tensor(JsonElement element, bool requiresGrad = false)
    {
        int[] shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float[] values = element.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        return new Tensor(shape, values, requiresGrad);
    }

    public static void AssertClose(string what, JsonElement expected, ReadOnlySpan<float> actual, int[]? actualShape = null)
    {
        int[] shape = expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] values = expected.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        if (actualShape is not null && ShapeUtil.Product(actualShape) != ShapeUtil.Product(shape))
        {
            throw new XunitException($"{what}: PyTorch has shape {ShapeUtil.Format(shape)}, the engine {ShapeUtil.Format(actualShape)}.");
        }

        if (values.Length != actual.Length)
        {
            throw new XunitException($"{what}: PyTorch has {values.Length} values, the engine {actual.Length}.");
        }

        for (int i = 0; i < values.Length; i++)
        {
            double tolerance = Math.Max(AbsoluteFloor, Relative * Math.Abs(values[i]));
            if (Math.Abs(actual[i] - values[i]) > tolerance)
            {
                throw new XunitException($"{what}[{i}]: PyTorch {values[i]:R}, engine {actual[i]:R} (tolerance {tolerance:G3}).");
            }
        }
    }
}
