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
/// of <c>EmbeddingDim</c> columns. The experts' input is the concatenation of dense features and embeddings,
/// in declaration order.
/// </summary>
/// <remarks>
/// Two forms. <c>[CategoricalFeature("city", 1000, 16)]</c> declares the cardinality, checked at compile time.
/// <c>[CategoricalFeature("city", EmbeddingDim = 16)]</c> takes it from the data: the generated models are built from a
/// <c>FeatureCardinalities</c> (e.g. <c>FeatureCardinalities.FromVocabularies(preprocessing)</c>: each vocabulary's size
/// plus the out-of-vocabulary id 0), and a checkpoint's embedding rows are checked against it when it is loaded.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CategoricalFeatureAttribute : Attribute
{
    /// <summary>A feature whose cardinality comes from the data when a model is built; set <see cref="EmbeddingDim"/>.</summary>
    /// <param name="name">Feature name; generated members use its PascalCase form.</param>
    public CategoricalFeatureAttribute(string name)
    {
        Name = name;
    }

    /// <summary>A feature of a declared cardinality.</summary>
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

    /// <summary>Number of distinct ids; 0 when the cardinality comes from the data.</summary>
    public int Cardinality { get; }

    /// <summary>Embedding width: the constructor's <c>embeddingDim</c>, or set here when the cardinality comes from the data.</summary>
    public int EmbeddingDim { get; set; }
}
