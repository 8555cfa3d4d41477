using System;

namespace PleGen.Runtime.Gradients;

/// <summary>Whether ops on this thread record backward steps (off inside <see cref="Autograd.NoGrad"/>).</summary>
internal static class GradientMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Turns recording off and returns the depth to restore.</summary>
    public static int Disable() => t_disabledDepth++;

    public static void Restore(int depth) => t_disabledDepth = depth;

    /// <summary>Whether an op over these inputs must record a backward step.</summary>
    public static bool ShouldRecord(Tensor a) => t_disabledDepth == 0 && a.RequiresGrad;

    /// <inheritdoc cref="ShouldRecord(Tensor)"/>
    public static bool ShouldRecord(Tensor a, Tensor? b) => t_disabledDepth == 0 && (a.RequiresGrad || (b?.RequiresGrad ?? false));

    /// <inheritdoc cref="ShouldRecord(Tensor)"/>
    public static bool ShouldRecord(Tensor a, Tensor? b, Tensor? c)
        => t_disabledDepth == 0 && (a.RequiresGrad || (b?.RequiresGrad ?? false) || (c?.RequiresGrad ?? false));

    /// <inheritdoc cref="ShouldRecord(Tensor)"/>
    public static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        if (t_disabledDepth != 0)
        {
            return false;
        }

        foreach (Tensor t in inputs)
        {
            if (t.RequiresGrad)
            {
                return true;
            }
        }

        return false;
    }
}
