using System;
using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// The reverse-mode autograd tape of the current thread: ops append a backward step for every result that
/// needs a gradient; <see cref="Tensor.Backward()"/> replays them newest first and then frees the graph.
/// </summary>
internal static class Tape
{
    [ThreadStatic]
    private static List<(Tensor Output, Action Backward)>? _nodes;

    [ThreadStatic]
    private static int _disabledDepth;

    public static int Count => _nodes?.Count ?? 0;

    public static bool IsRecording => _disabledDepth == 0;

    /// <summary>Whether an op over <paramref name="inputs"/> must record a backward step.</summary>
    public static bool Needs(Tensor a) => _disabledDepth == 0 && a.RequiresGrad;

    public static bool Needs(Tensor a, Tensor b) => _disabledDepth == 0 && (a.RequiresGrad || b.RequiresGrad);

    public static bool Needs(Tensor a, Tensor b, Tensor? c) => _disabledDepth == 0 && (a.RequiresGrad || b.RequiresGrad || (c?.RequiresGrad ?? false));

    public static bool Needs(ReadOnlySpan<Tensor> inputs)
    {
        if (_disabledDepth != 0)
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

    /// <summary>Records that <paramref name="output"/>'s gradient flows back through <paramref name="backward"/>.</summary>
    public static void Record(Tensor output, Action backward)
    {
        output.RequiresGrad = true;
        (_nodes ??= new List<(Tensor, Action)>()).Add((output, backward));
    }

    public static void TruncateTo(int count)
    {
        if (_nodes is not null && _nodes.Count > count)
        {
            _nodes.RemoveRange(count, _nodes.Count - count);
        }
    }

    /// <summary>Runs every recorded backward step whose output received a gradient, newest first, then frees the graph.</summary>
    public static void Run()
    {
        if (_nodes is null)
        {
            return;
        }

        try
        {
            for (int i = _nodes.Count - 1; i >= 0; i--)
            {
                var (output, backward) = _nodes[i];
                if (output.HasGrad)
                {
                    backward();
                }
            }
        }
        finally
        {
            _nodes.Clear();
        }
    }

    public static void Disable() => _disabledDepth++;

    public static void Enable() => _disabledDepth--;
}
