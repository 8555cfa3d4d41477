using System.Collections.Generic;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// What one flavor computed for one batch, copied out as arrays: the outputs, the per-task and joint losses, and (after a
/// backward pass of the joint loss) every parameter's gradient by state-dict name. <see cref="Orthogonality"/> is the
/// sluice penalty before weighting, 0 for an architecture without one.
/// </summary>
internal sealed record FlavorPass(
    float[] ClickLogit,
    float[] ClickProbability,
    float[] WatchTime,
    float ClickLoss,
    float WatchTimeLoss,
    float TotalLoss,
    float Orthogonality,
    IReadOnlyDictionary<string, float[]> Gradients);
