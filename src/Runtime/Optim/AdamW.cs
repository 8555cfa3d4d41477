using System.Collections.Generic;

namespace PleGen.Runtime.Optim;

/// <summary>
/// AdamW as torch.optim.AdamW (1.13): p *= 1 - lr * weight_decay (decoupled from the gradient), then the Adam
/// step without L2. PyTorch's default decay is 0.01.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>AdamW over <paramref name="parameters"/> with PyTorch's defaults (lr 1e-3, betas 0.9 and 0.999, eps 1e-8, weight decay 0.01).</summary>
    public AdamW(IEnumerable<NamedTensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01, bool amsGrad = false)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay, amsGrad)
    {
    }

    /// <inheritdoc />
    protected override bool DecoupledWeightDecay => true;
}
