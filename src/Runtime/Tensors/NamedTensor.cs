namespace PleGen.Runtime.Tensors;

/// <summary>A tensor with its state-dict name, e.g. <c>levels.0.shared.1.layers.0.weight</c>.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Tensor">The tensor.</param>
public readonly record struct NamedTensor(string Name, Tensor Tensor);
