using System;

namespace PleGen;

/// <summary>A dense (numeric) input feature of <c>Width</c> floats per sample, fed to the experts as is.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseFeatureAttribute : Attribute
{
    /// <param name="name">Feature name; generated members use its PascalCase form.</param>
    /// <param name="width">Floats per sample. Default 1.</param>
    public DenseFeatureAttribute(string name, int width = 1)
    {
        Name = name;
        Width = width;
    }

    /// <summary>Feature name.</summary>
    public string Name { get; }

    /// <summary>Floats per sample.</summary>
    public int Width { get; }
}

/// <summary>
/// A categorical input feature: one id in <c>[0, cardinality)</c> per sample, looked up in an embedding table
/// of <c>embeddingDim</c> columns. The experts' input is the concatenation of dense features and embeddings,
/// in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CategoricalFeatureAttribute : Attribute
{
    /// <param name="name">Feature name; generated members use its PascalCase form.</param>
    /// <param name="cardinality">Number of distinct ids (rows of the embedding table).</param>
    /// <param name="embeddingDim">Columns of the embedding table.</param>
    public CategoricalFeatureAttribute(string name, int cardinality, int embeddingDim)
    {
        Name = name;
        Cardinality = cardinality;
        EmbeddingDim = embeddingDim;
    }

    /// <summary>Feature name.</summary>
    public string Name { get; }

    /// <summary>Number of distinct ids.</summary>
    public int Cardinality { get; }

    /// <summary>Embedding width.</summary>
    public int EmbeddingDim { get; }
}
