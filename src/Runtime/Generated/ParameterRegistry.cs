using System.Collections.Generic;
using System.ComponentModel;
using System;

namespace PleGen.Runtime.Generated;

/// <summary>
/// Creates a model's parameters with PyTorch's default initialization and registers them under state-dict names,
/// in creation order. Generated models build all their parameters through one registry.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParameterRegistry
{
    private readonly List<NamedTensor> _parameters = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>A registry whose initial values derive from <paramref name="seed"/> (and each parameter's name).</summary>
    public ParameterRegistry(ulong seed) => Seed = seed;

    /// <summary>The initialization seed.</summary>
    public ulong Seed { get; }

    /// <summary>Every parameter by name; an expert bank contributes one entry per expert and layer (views of the bank).</summary>
    public IReadOnlyList<NamedTensor> Parameters => _parameters;

    /// <summary>An embedding table [cardinality, dim] ~ N(0, 1), named <c>{prefix}.weight</c>.</summary>
    public Tensor Embedding(string prefix, int cardinality, int dim)
    {
        Tensor weight = New(cardinality, dim);
        Initializers.Embedding(weight, Seed, prefix + ".weight");
        Register(prefix + ".weight", weight);
        return weight;
    }

    /// <summary>A Linear layer named <c>{prefix}.weight</c> [output, input] and <c>{prefix}.bias</c> [output].</summary>
    public DenseLayer Dense(string prefix, int input, int output)
    {
        Tensor weight = New(output, input), bias = New(output);
        Initializers.LinearWeight(weight, Seed, prefix + ".weight");
        Initializers.LinearBias(bias, input, Seed, prefix + ".bias");
        Register(prefix + ".weight", weight);
        Register(prefix + ".bias", bias);
        return new DenseLayer(weight, bias);
    }

    /// <summary>
    /// MLP experts of the same <paramref name="units"/> reading the same input width, one per entry of
    /// <paramref name="layerPrefixes"/>, stored as one [experts, out, in] weight per layer (so they run as one product)
    /// and named per expert: expert e's layer l is <c>{layerPrefixes[e]}.{l}.weight</c> and <c>.bias</c>.
    /// </summary>
    public ExpertBank ExpertBank(IReadOnlyList<string> layerPrefixes, int input, IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(layerPrefixes);
        int experts = layerPrefixes.Count;
        var weights = new Tensor[units.Count];
        var biases = new Tensor[units.Count];
        int width = input;
        for (int l = 0; l < units.Count; l++)
        {
            weights[l] = New(experts, units[l], width);
            biases[l] = New(experts, units[l]);
            for (int e = 0; e < experts; e++)
            {
                string layer = layerPrefixes[e] + "." + l;
                Tensor w = weights[l].Select(e), b = biases[l].Select(e);
                Initializers.LinearWeight(w, Seed, layer + ".weight");
                Initializers.LinearBias(b, width, Seed, layer + ".bias");
                Register(layer + ".weight", w);
                Register(layer + ".bias", b);
            }

            width = units[l];
        }

        return new ExpertBank(weights, biases);
    }

    /// <summary>
    /// A stack of Linear layers <c>{prefix}.{l}</c> of the given output <paramref name="units"/>: a bottom network (the
    /// activation after every layer) or, with <paramref name="lastIsOutput"/>, a tower whose last layer is its output.
    /// </summary>
    public Mlp Mlp(string prefix, int input, IReadOnlyList<int> units, bool lastIsOutput)
    {
        var layers = new DenseLayer[units.Count];
        int width = input;
        for (int l = 0; l < units.Count; l++)
        {
            layers[l] = Dense(prefix + "." + l, width, units[l]);
            width = units[l];
        }

        return new Mlp(layers, lastIsOutput);
    }

    /// <summary>
    /// A cross-stitch unit's alpha [tasks, tasks], named <c>{prefix}.alpha</c>: <paramref name="selfWeight"/> on the
    /// diagonal and (1 - selfWeight) / (tasks - 1) elsewhere, so every row sums to 1 (Misra et al. initialize so).
    /// </summary>
    public Tensor CrossStitch(string prefix, int tasks, float selfWeight) => Mix(prefix + ".alpha", tasks, selfWeight);

    /// <summary>
    /// A sluice network's alpha unit [tasks * subspaces, tasks * subspaces], named <c>{prefix}.alpha</c>:
    /// <paramref name="selfWeight"/> on the diagonal (each subspace to itself) and (1 - selfWeight) / (tasks * subspaces - 1)
    /// elsewhere, so every row sums to 1; with one subspace it starts as a cross-stitch unit does.
    /// </summary>
    public Tensor SubspaceMix(string prefix, int tasks, int subspaces, float selfWeight) => Mix(prefix + ".alpha", tasks * subspaces, selfWeight);

    /// <summary>A sluice network's beta unit [layers], named <c>{prefix}.beta</c>: 1 / layers each, the mean of the layers' outputs.</summary>
    public Tensor LayerMix(string prefix, int layers)
    {
        Tensor beta = New(layers);
        beta.Data.Fill(1f / layers);
        Register(prefix + ".beta", beta);
        return beta;
    }

    // A square mixing matrix [n, n]: selfWeight on the diagonal, the rest of each row spread evenly over the others.
    private Tensor Mix(string name, int n, float selfWeight)
    {
        Tensor mix = New(n, n);
        float other = n > 1 ? (1f - selfWeight) / (n - 1) : 0f;
        Span<float> values = mix.Data;
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++)
            {
                values[(k * n) + j] = k == j ? selfWeight : other;
            }
        }

        Register(name, mix);
        return mix;
    }

    private static Tensor New(params int[] shape) => new(shape, new float[ShapeUtil.Product(shape)], requiresGrad: true);

    private void Register(string name, Tensor tensor)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"Parameter name '{name}' is registered twice.");
        }

        _parameters.Add(new NamedTensor(name, tensor));
    }
}
