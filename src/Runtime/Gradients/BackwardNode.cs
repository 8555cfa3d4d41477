using System;
using System.Threading;

namespace PleGen.Runtime.Gradients;

/// <summary>
/// One recorded op of the autograd graph: the tensors its result was computed from and how the result's gradient
/// flows back into theirs. Nodes are numbered in recording order (the tape); an op's inputs always exist before
/// the op runs, so running nodes from the newest to the oldest is a valid reverse topological order.
/// </summary>
internal abstract class BackwardNode
{
    private static long s_lastSequence;
    private Tensor? _output;

    protected BackwardNode(string op)
    {
        Op = op;
        Sequence = Interlocked.Increment(ref s_lastSequence);
    }

    /// <summary>The op's name, for messages.</summary>
    public string Op { get; }

    /// <summary>Position on the tape: larger is newer.</summary>
    public long Sequence { get; }

    /// <summary>The backward pass that last reached this node (marks it visited without a set).</summary>
    public int VisitedInPass { get; set; }

    /// <summary>The op's result, whose gradient this node propagates.</summary>
    public Tensor Output => _output ?? throw new InvalidOperationException($"The {Op} node was never attached to its result.");

    /// <summary>Number of input slots (see <see cref="InputAt"/>).</summary>
    public abstract int InputCount { get; }

    /// <summary>The input in slot <paramref name="index"/>, or null for an absent optional input (e.g. no bias).</summary>
    public abstract Tensor? InputAt(int index);

    /// <summary>Links the node and its result (once, when the op records it).</summary>
    public void Attach(Tensor output) => _output = output;

    /// <summary>
    /// Adds this op's contribution to the gradient of every input that requires one, given the complete gradient
    /// of its result <paramref name="output"/>.
    /// </summary>
    public abstract void Backward(Tensor output);
}
