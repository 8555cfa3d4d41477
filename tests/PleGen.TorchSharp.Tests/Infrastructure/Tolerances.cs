namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// How closely the flavors must agree, and why. Both compute in float32 from the same parameters; they differ only in
/// summation order (libtorch's GEMM, einsum and reduction kernels against PleGen.Runtime's), which moves a result by a
/// few units in the last place of the values summed.
/// </summary>
internal static class Tolerances
{
    /// <summary>
    /// Outputs, probabilities, losses, gradients and gate statistics after one forward (and backward) pass:
    /// max(1e-6, 1e-5 |x|). Relative 1e-5 is ~80 float32 ulps (2^-24 ~ 6e-8 each); the absolute floor covers values near
    /// zero that are sums of terms of order 1 (logits, per-sample losses, a batch of 37 summed into a gradient), whose
    /// rounding is ~1e-7 whatever the sum's own size. Measured over the six architectures at epochs 0, 1 and 5: largest
    /// deviation 2.4e-7 (a joint loss near 2.2), largest relative deviation 5.5e-7, at most 6.7 % of the bound.
    /// </summary>
    public static Agreement ForwardAndGradients() => new(relative: 1e-5, absolute: 1e-6);

    /// <summary>
    /// Parameters after 20 Adam steps (lr 1e-3): max(1e-5, 1e-5 |x|). Adam's step -lr m/(sqrt(v) + eps) is insensitive to
    /// the gradients' scale, so a 1e-7 relative gradient deviation stays ~1e-7 in the parameters (measured: 15,255 of the
    /// 15,256 values within 2.4e-7) except where a gradient is as small as eps (1e-8): there the first step's sensitivity
    /// lr eps / (|g| + eps)^2 ~ lr / (4 eps) = 2.5e4 turns a gradient deviation far inside the bound above into a
    /// parameter deviation. Measured once: multi-level MMoE's shared_gates.0.weight[24], first gradient -1.184e-8 managed
    /// against -1.168e-8 TorchSharp (1.6e-10 apart), ends 3.4e-6 apart; the bound is three times that.
    /// </summary>
    public static Agreement AdamParameters() => new(relative: 1e-5, absolute: 1e-5);
}
