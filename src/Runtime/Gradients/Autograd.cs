namespace PleGen.Runtime.Gradients;

/// <summary>Switches for gradient recording.</summary>
public static class Autograd
{
    /// <summary>Whether ops on this thread record the graph (false inside <see cref="NoGrad"/>).</summary>
    public static bool IsEnabled => GradientMode.IsEnabled;

    /// <summary>
    /// Inference mode on this thread until disposed: ops record nothing and allocate no graph nodes, and their
    /// results do not require gradients. <c>using (Autograd.NoGrad()) { ... }</c>
    /// </summary>
    public static NoGradScope NoGrad() => new(GradientMode.Disable());
}
