using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Gradients;

/// <summary>
/// Records backward steps during the forward pass and replays the part of the graph a root depends on.
/// Each result that needs a gradient holds its <see cref="BackwardNode"/>; a backward pass collects the nodes
/// reachable from the root, runs them newest first, then frees them (as PyTorch does), so a second pass through
/// the same graph is reported instead of silently adding nothing.
/// </summary>
internal static class Tape
{
    private static readonly Comparison<BackwardNode> NewestFirst = (x, y) => y.Sequence.CompareTo(x.Sequence);
    private static int s_lastPass;

    [ThreadStatic]
    private static List<BackwardNode>? t_order;

    [ThreadStatic]
    private static Stack<BackwardNode>? t_pending;

    [ThreadStatic]
    private static long t_recorded;

    /// <summary>Nodes recorded on this thread since it started (lets tests prove that inference records nothing).</summary>
    public static long RecordedOnThisThread => t_recorded;

    /// <summary>Makes <paramref name="node"/> the backward step of <paramref name="output"/>, which from now on requires a gradient.</summary>
    public static void Record(Tensor output, BackwardNode node)
    {
        node.Attach(output);
        output.RequiresGrad = true;
        output.GradFn = node;
        t_recorded++;
    }

    /// <summary>Adds <paramref name="seed"/> to <paramref name="root"/>'s gradient and back-propagates it to every leaf the root depends on.</summary>
    public static void Run(Tensor root, ReadOnlySpan<float> seed)
    {
        List<BackwardNode> order = t_order ??= new List<BackwardNode>();
        Stack<BackwardNode> pending = t_pending ??= new Stack<BackwardNode>();
        order.Clear();
        pending.Clear();
        int pass = System.Threading.Interlocked.Increment(ref s_lastPass);

        // Collect first: a freed part of the graph throws here, before any gradient has changed.
        Reach(root, pass, pending);
        while (pending.Count > 0)
        {
            BackwardNode node = pending.Pop();
            order.Add(node);
            for (int i = 0; i < node.InputCount; i++)
            {
                Tensor? input = node.InputAt(i);
                if (input is not null)
                {
                    Reach(input, pass, pending);
                }
            }
        }

        order.Sort(NewestFirst);
        try
        {
            Span<float> rootGrad = root.Grad;
            System.Numerics.Tensors.TensorPrimitives.Add(rootGrad, seed, rootGrad);
            foreach (BackwardNode node in order)
            {
                node.Backward(node.Output);
            }
        }
        finally
        {
            foreach (BackwardNode node in order)
            {
                Tensor output = node.Output;
                output.GradFn = null;
                output.FreedGradFnOp = node.Op;
            }

            order.Clear();
        }
    }

    private static void Reach(Tensor tensor, int pass, Stack<BackwardNode> pending)
    {
        Tensor owner = tensor.StorageOwner;
        if (!owner.RequiresGrad)
        {
            return;
        }

        BackwardNode? node = owner.GradFn;
        if (node is null)
        {
            if (owner.FreedGradFnOp is not null)
            {
                throw new InvalidOperationException(
                    $"Backward() reached the {owner.FreedGradFnOp} result {ShapeUtil.Format(owner.Shape)} whose graph an earlier Backward() already used and freed. " +
                    "Run the forward pass again for a new graph, or add the losses (Ops.Add) and call Backward() once.");
            }

            return;
        }

        if (node.VisitedInPass != pass)
        {
            node.VisitedInPass = pass;
            pending.Push(node);
        }
    }
}
