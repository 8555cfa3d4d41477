using System.ComponentModel;
using System;

namespace PleGen.Runtime.Generated;

/// <summary>What a generated model's hidden layers need at run time: activation, dropout, mode and randomness.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LayerContext
{
    /// <summary>The model's activation, dropout rate and the seed of its dropout masks.</summary>
    public LayerContext(Activation activation, float dropout, ulong seed)
    {
        Activation = activation;
        Dropout = dropout;
        DropoutRandom = RandomSource.ForStream(seed, "dropout");
    }

    /// <summary>The non-linearity after every hidden layer.</summary>
    public Activation Activation { get; }

    /// <summary>Dropout probability after every hidden layer (training mode only).</summary>
    public float Dropout { get; }

    /// <summary>Training mode (dropout on) or evaluation mode.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The seeded stream dropout masks come from.</summary>
    public RandomSource DropoutRandom { get; }

    /// <summary>Activation, then dropout.</summary>
    public Tensor Hidden(Tensor x)
    {
        Tensor activated = Activation switch
        {
            Activation.Relu => Ops.Relu(x),
            Activation.Tanh => Ops.Tanh(x),
            Activation.Sigmoid => Ops.Sigmoid(x),
            _ => throw new ArgumentOutOfRangeException(nameof(Activation), Activation, "Unknown activation."),
        };
        return Ops.Dropout(activated, Dropout, Training, DropoutRandom);
    }
}

/// <summary>A Linear layer's parameters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DenseLayer
{
    /// <summary>A linear layer over a PyTorch-layout weight [out, in] and bias [out].</summary>
    public DenseLayer(Tensor weight, Tensor bias)
    {
        Weight = weight;
        Bias = bias;
    }

    /// <summary>The weight [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias [out].</summary>
    public Tensor Bias { get; }

    /// <summary>x W^T + b.</summary>
    public Tensor Forward(Tensor x) => Ops.Linear(x, Weight, Bias);
}

/// <summary>An MLP of dense layers; hidden layers get activation and dropout, an output layer does not.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private readonly bool _lastIsOutput;

    /// <summary>Layers run in order; the hidden ones are followed by the activation and dropout.</summary>
    public Mlp(DenseLayer[] layers, bool lastIsOutput)
    {
        _layers = layers;
        _lastIsOutput = lastIsOutput;
    }

    /// <summary>Runs the layers on <paramref name="x"/> with the model's activation and dropout.</summary>
    public Tensor Forward(Tensor x, LayerContext context)
    {
        for (int l = 0; l < _layers.Length; l++)
        {
            x = _layers[l].Forward(x);
            if (!(_lastIsOutput && l == _layers.Length - 1))
            {
                x = context.Hidden(x);
            }
        }

        return x;
    }
}

/// <summary>E experts with identical MLP shapes, computed together: one (batched) product per layer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExpertBank
{
    private readonly Tensor[] _weights;
    private readonly Tensor[] _biases;

    /// <summary>Experts of one owner and level, given as each layer's stacked weights and biases.</summary>
    public ExpertBank(Tensor[] weights, Tensor[] biases)
    {
        _weights = weights;
        _biases = biases;
    }

    /// <summary>Number of experts.</summary>
    public int Count => _weights[0].Shape[0];

    /// <summary>input [batch, in] (read by every expert) or [batch, E, in] -> [batch, E, out] after every layer's activation and dropout.</summary>
    public Tensor Forward(Tensor input, LayerContext context)
    {
        Tensor x = input;
        for (int l = 0; l < _weights.Length; l++)
        {
            x = context.Hidden(Ops.ExpertBank(x, _weights[l], _biases[l]));
        }

        return x;
    }
}
