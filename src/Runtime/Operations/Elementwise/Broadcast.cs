using System;

namespace PleGen.Runtime.Operations;

/// <summary>
/// How the right operand b of a binary op repeats over the left operand a (whose shape the result takes):
/// the forms the models need, each a contiguous pattern that vectorizes without index arithmetic.
/// </summary>
internal enum Broadcast
{
    /// <summary>Same shape.</summary>
    None,

    /// <summary>b's shape is a's trailing shape (a bias [n] over [batch, n]): b repeats every b.Length values.</summary>
    Row,

    /// <summary>a [..., n] and b [..., 1] with the same leading shape: b[r] applies to row r of a.</summary>
    Column,

    /// <summary>b has one element.</summary>
    Scalar,
}

/// <summary>Classifies operand shapes into a <see cref="Broadcast"/> form.</summary>
internal static class BroadcastRules
{
    public static Broadcast Classify(string op, Tensor a, Tensor b)
    {
        if (ShapeUtil.SameShape(a.Shape, b.Shape))
        {
            return Broadcast.None;
        }

        if (b.Length == 1 && b.Rank <= Math.Max(a.Rank, 1))
        {
            return Broadcast.Scalar;
        }

        if (b.Rank < a.Rank && a.Shape.AsSpan(a.Rank - b.Rank).SequenceEqual(b.Shape))
        {
            return Broadcast.Row;
        }

        if (a.Rank >= 1 && b.Rank == a.Rank && b.Shape[^1] == 1
            && a.Shape.AsSpan(0, a.Rank - 1).SequenceEqual(b.Shape.AsSpan(0, b.Rank - 1)))
        {
            return Broadcast.Column;
        }

        throw new ArgumentException(
            $"{op}: cannot broadcast {ShapeUtil.Format(b.Shape)} over {ShapeUtil.Format(a.Shape)}; the right operand must have the same shape, " +
            $"the left operand's trailing shape (e.g. [{(a.Rank > 0 ? a.Shape[^1] : 1)}]), the same leading shape with a last dimension of 1, or one element. " +
            "Put the larger operand on the left.");
    }
}
