namespace PleGen;

/// <summary>The non-linearity applied after every hidden layer of experts, bottoms and towers.</summary>
public enum Activation
{
    /// <summary>max(0, x), the paper's choice.</summary>
    Relu = 0,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh = 1,

    /// <summary>Logistic sigmoid.</summary>
    Sigmoid = 2,
}
