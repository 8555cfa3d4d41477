namespace PleGen.Runtime.Optim;

/// <summary>One kind of per-parameter optimizer state, e.g. <c>exp_avg</c> starting at 0.</summary>
/// <param name="Kind">The state's name as PyTorch spells it; the full name is <c>{Kind}.{parameter}</c>.</param>
/// <param name="Initial">The value every element starts with.</param>
public readonly record struct StateBuffer(string Kind, float Initial = 0f);
