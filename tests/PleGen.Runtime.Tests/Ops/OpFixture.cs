using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using PleGen.Runtime.Tensors;
using Xunit.Sdk;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>
/// One case of the PyTorch op fixtures (tests/fixtures/ops/*.json, written by tests/fixtures/make_op_fixtures.py and
/// copied to the test output's fixtures/ops folder): inputs that get gradients, constants, embedding ids, the expected
/// output, the upstream gradient to back-propagate, and the expected input gradients.
/// </summary>
internal sealed class OpFixture
{
    /// <summary>
    /// Agreement with PyTorch: |engine - torch| &lt;= max(1e-5 * |torch|, 1e-6). The relative part is the brief's
    /// bound; the absolute floor covers values near zero (e.g. a gradient that is a difference of products), where
    /// a different but equally valid float32 summation order changes the result by a few 1e-7 times the magnitude
    /// of the summands (all O(1) here). A wrong formula misses by orders of magnitude more.
    /// </summary>
    public const double Relative = 1e-5;

    /// <inheritdoc cref="Relative"/>
    public const double AbsoluteFloor = 1e-6;

    private static readonly Dictionary<string, JsonElement> Files = new(StringComparer.Ordinal);

    private readonly JsonElement _case;

    private OpFixture(string file, JsonElement element)
    {
        File = file;
        _case = element;
        Name = element.GetProperty("name").GetString()!;
        Inputs = element.GetProperty("inputs").EnumerateObject().ToDictionary(p => p.Name, p => ReadTensor(p.Value, requiresGrad: true), StringComparer.Ordinal);
        Constants = element.GetProperty("constants").EnumerateObject().ToDictionary(p => p.Name, p => ReadTensor(p.Value, requiresGrad: false), StringComparer.Ordinal);
        Ids = element.TryGetProperty("ids", out JsonElement ids) ? ids.EnumerateArray().Select(e => e.GetInt64()).ToArray() : Array.Empty<long>();
    }

    public string File { get; }

    public string Name { get; }

    /// <summary>Leaf tensors that require gradients, by the name PyTorch used.</summary>
    public IReadOnlyDictionary<string, Tensor> Inputs { get; }

    /// <summary>Tensors without gradients (targets, masks).</summary>
    public IReadOnlyDictionary<string, Tensor> Constants { get; }

    /// <summary>Embedding ids, when the case has them.</summary>
    public long[] Ids { get; }

    public static IEnumerable<string> FileNames() => new[]
    {
        "matmul.json", "activations.json", "elementwise.json", "reduce.json", "shape.json", "embedding.json", "experts.json", "losses.json",
    };

    public static IEnumerable<(string File, string Name)> CaseNames()
        => FileNames().SelectMany(file => Load(file).GetProperty("cases").EnumerateArray().Select(c => (file, c.GetProperty("name").GetString()!)));

    public static OpFixture Read(string file, string name)
        => new(file, Load(file).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name));

    public float[] Upstream => ReadTensor(_case.GetProperty("upstream"), requiresGrad: false).ToArray();

    public void AssertOutput(Tensor actual) => AssertClose("output", _case.GetProperty("output"), actual.Shape, actual.Data);

    /// <summary>Every gradient PyTorch recorded, against the engine's gradient of the same input.</summary>
    public void AssertGradients()
    {
        foreach (JsonProperty grad in _case.GetProperty("grads").EnumerateObject())
        {
            Tensor input = Inputs[grad.Name];
            AssertClose("d/d" + grad.Name, grad.Value, input.Shape, input.HasGrad ? input.Grad : new float[input.Length]);
        }
    }

    private void AssertClose(string what, JsonElement expected, int[] actualShape, ReadOnlySpan<float> actual)
    {
        int[] shape = expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (!ShapeUtil.SameShape(shape, actualShape))
        {
            throw new XunitException($"{File} {Name} {what}: PyTorch has shape {ShapeUtil.Format(shape)}, the engine {ShapeUtil.Format(actualShape)}.");
        }

        float[] values = expected.GetProperty("values").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            double tolerance = Math.Max(AbsoluteFloor, Relative * Math.Abs(values[i]));
            if (!(Math.Abs(actual[i] - (double)values[i]) <= tolerance))
            {
                throw new XunitException(
                    $"{File} {Name} {what}[{i}]: PyTorch {values[i]:R}, engine {actual[i]:R}, difference {Math.Abs(actual[i] - (double)values[i]):G3} > tolerance {tolerance:G3}.");
            }
        }
    }

    private static Tensor ReadTensor(JsonElement element, bool requiresGrad)
    {
        int[] shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float[] values = element.GetProperty("values").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        return new Tensor(shape, values, requiresGrad);
    }

    private static JsonElement Load(string file)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(file, out JsonElement root))
            {
                string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "ops", file);
                if (!System.IO.File.Exists(path))
                {
                    throw new FileNotFoundException(
                        $"Op fixture {path} is missing: it is committed under tests/fixtures/ops (made by tests/fixtures/make_op_fixtures.py) and copied to the test output by the csproj.", path);
                }

                root = JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement.Clone();
                Files[file] = root;
            }

            return root;
        }
    }
}
