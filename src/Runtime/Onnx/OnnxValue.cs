using System.Collections.Generic;

namespace PleGen.Runtime.Onnx;

/// <summary>
/// A named value of the graph an <see cref="OnnxModelWriter"/> is building: a graph input or the output of a step.
/// It is only valid with the writer that made it. Its shape is known when it is made: the first axis is the dynamic
/// batch axis <c>N</c> (shown as -1 in <see cref="Shape"/>), the others are fixed by the model's parameters.
/// </summary>
public sealed class OnnxValue
{
    private readonly int[] _shape;

    internal OnnxValue(OnnxModelWriter writer, string name, OnnxElementType elementType, int[] shape, int cardinality = 0, string? gate = null)
    {
        Writer = writer;
        Name = name;
        ElementType = elementType;
        _shape = shape;
        Cardinality = cardinality;
        Gate = gate;
    }

    /// <summary>The value's name in the graph (a feature's name for an input).</summary>
    public string Name { get; }

    /// <summary>The element type: float32 for features and activations, int64 for categorical ids.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The shape, batch axis first as -1: <c>[-1, width]</c>, <c>[-1, experts, units]</c> or <c>[-1]</c> for ids.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The shape as written in messages and docs, e.g. <c>[N, 3, 8]</c>.</summary>
    public override string ToString() => $"{Name} {Describe(_shape)}";

    internal OnnxModelWriter Writer { get; }

    /// <summary>The number of ids a categorical input takes (0 for every other value).</summary>
    internal int Cardinality { get; }

    /// <summary>The gate whose weights this value is (null for every other value).</summary>
    internal string? Gate { get; }

    internal int Rank => _shape.Length;

    /// <summary>The last axis' size (for ids: 1).</summary>
    internal int Width => _shape.Length > 1 ? _shape[^1] : 1;

    internal int Dim(int axis) => _shape[axis];

    internal static string Describe(IReadOnlyList<int> shape)
    {
        var parts = new string[shape.Count];
        for (int i = 0; i < shape.Count; i++)
        {
            parts[i] = shape[i] < 0 ? "N" : shape[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}

/// <summary>The element types of the values an <see cref="OnnxModelWriter"/> graph carries.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit float (ONNX <c>FLOAT</c>): dense features, activations, outputs.</summary>
    Float32 = 1,

    /// <summary>64-bit integer (ONNX <c>INT64</c>): categorical ids.</summary>
    Int64 = 7,
}
