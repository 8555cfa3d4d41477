using System;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>How the right operand of a binary op repeats over the left one.</summary>
    private enum Broadcast
    {
        /// <summary>Same shape.</summary>
        None,

        /// <summary>b's shape is a's trailing shape (e.g. a bias [n] over [batch, n]): b repeats every b.Length values.</summary>
        Row,

        /// <summary>a [.., n] and b [.., 1]: each b value scales one row of a.</summary>
        Column,

        /// <summary>b has one element.</summary>
        Scalar,
    }

    /// <summary>a + b, with b broadcast over a (same shape, trailing shape, [.., 1] column, or one element).</summary>
    public static Tensor Add(Tensor a, Tensor b) => Binary("Add", a, b, BinaryKind.Add);

    /// <summary>a - b, with b broadcast over a.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary("Sub", a, b, BinaryKind.Sub);

    /// <summary>a * b (element-wise), with b broadcast over a.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary("Mul", a, b, BinaryKind.Mul);

    /// <summary>x * factor.</summary>
    public static Tensor Scale(Tensor x, float factor)
    {
        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        TensorPrimitives.Multiply(x.Data, factor, y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                if (x.RequiresGrad)
                {
                    TensorPrimitives.MultiplyAdd(y.Grad, factor, x.Grad, x.Grad);
                }
            });
        }

        return y;
    }

    private enum BinaryKind
    {
        Add,
        Sub,
        Mul,
    }

    private static Tensor Binary(string op, Tensor a, Tensor b, BinaryKind kind)
    {
        Broadcast mode = Classify(op, a, b);
        Tensor y = Tensor.Create((int[])a.Shape.Clone(), clear: false);
        ReadOnlySpan<float> ad = a.Data, bd = b.Data;
        Span<float> yd = y.Data;
        int n = b.Length;
        switch (mode)
        {
            case Broadcast.None:
                Apply(kind, ad, bd, yd);
                break;
            case Broadcast.Scalar:
                float s = bd[0];
                if (kind == BinaryKind.Add)
                {
                    TensorPrimitives.Add(ad, s, yd);
                }
                else if (kind == BinaryKind.Sub)
                {
                    TensorPrimitives.Subtract(ad, s, yd);
                }
                else
                {
                    TensorPrimitives.Multiply(ad, s, yd);
                }

                break;
            case Broadcast.Row:
                for (int start = 0; start < ad.Length; start += n)
                {
                    Apply(kind, ad.Slice(start, n), bd, yd.Slice(start, n));
                }

                break;
            default:
                int width = a.Shape[a.Rank - 1];
                for (int r = 0; r < n; r++)
                {
                    ReadOnlySpan<float> row = ad.Slice(r * width, width);
                    Span<float> outRow = yd.Slice(r * width, width);
                    if (kind == BinaryKind.Add)
                    {
                        TensorPrimitives.Add(row, bd[r], outRow);
                    }
                    else if (kind == BinaryKind.Sub)
                    {
                        TensorPrimitives.Subtract(row, bd[r], outRow);
                    }
                    else
                    {
                        TensorPrimitives.Multiply(row, bd[r], outRow);
                    }
                }

                break;
        }

        if (Tape.Needs(a, b))
        {
            Tape.Record(y, () => BinaryBackward(a, b, y, kind, mode));
        }

        return y;
    }

    private static void Apply(BinaryKind kind, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        if (kind == BinaryKind.Add)
        {
            TensorPrimitives.Add(a, b, y);
        }
        else if (kind == BinaryKind.Sub)
        {
            TensorPrimitives.Subtract(a, b, y);
        }
        else
        {
            TensorPrimitives.Multiply(a, b, y);
        }
    }

    private static void BinaryBackward(Tensor a, Tensor b, Tensor y, BinaryKind kind, Broadcast mode)
    {
        ReadOnlySpan<float> dy = y.Grad;
        if (a.RequiresGrad)
        {
            Span<float> da = a.Grad;
            if (kind != BinaryKind.Mul)
            {
                TensorPrimitives.Add(da, dy, da);
            }
            else
            {
                ReadOnlySpan<float> bd = b.Data;
                int n = b.Length;
                switch (mode)
                {
                    case Broadcast.None:
                        TensorPrimitives.MultiplyAdd(dy, bd, da, da);
                        break;
                    case Broadcast.Scalar:
                        TensorPrimitives.MultiplyAdd(dy, bd[0], da, da);
                        break;
                    case Broadcast.Row:
                        for (int start = 0; start < dy.Length; start += n)
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(start, n), bd, da.Slice(start, n), da.Slice(start, n));
                        }

                        break;
                    default:
                        int width = a.Shape[a.Rank - 1];
                        for (int r = 0; r < n; r++)
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(r * width, width), bd[r], da.Slice(r * width, width), da.Slice(r * width, width));
                        }

                        break;
                }
            }
        }

        if (b.RequiresGrad)
        {
            Span<float> db = b.Grad;
            ReadOnlySpan<float> ad = a.Data;
            float sign = kind == BinaryKind.Sub ? -1f : 1f;
            int n = b.Length;
            switch (mode)
            {
                case Broadcast.None:
                    if (kind == BinaryKind.Mul)
                    {
                        TensorPrimitives.MultiplyAdd(dy, ad, db, db);
                    }
                    else
                    {
                        TensorPrimitives.MultiplyAdd(dy, sign, db, db);
                    }

                    break;
                case Broadcast.Scalar:
                    db[0] += kind == BinaryKind.Mul ? TensorPrimitives.Dot(dy, ad) : sign * TensorPrimitives.Sum(dy);
                    break;
                case Broadcast.Row:
                    for (int start = 0; start < dy.Length; start += n)
                    {
                        if (kind == BinaryKind.Mul)
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(start, n), ad.Slice(start, n), db, db);
                        }
                        else
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(start, n), sign, db, db);
                        }
                    }

                    break;
                default:
                    int width = a.Shape[a.Rank - 1];
                    for (int r = 0; r < n; r++)
                    {
                        db[r] += kind == BinaryKind.Mul
                            ? TensorPrimitives.Dot(dy.Slice(r * width, width), ad.Slice(r * width, width))
                            : sign * TensorPrimitives.Sum(dy.Slice(r * width, width));
                    }

                    break;
            }
        }
    }

    private static Broadcast Classify(string op, Tensor a, Tensor b)
    {
        if (ShapeUtil.SameShape(a.Shape, b.Shape))
        {
            return Broadcast.None;
        }

        if (b.Length == 1)
        {
            return Broadcast.Scalar;
        }

        if (b.Rank <= a.Rank && a.Shape.AsSpan(a.Rank - b.Rank).SequenceEqual(b.Shape))
        {
            return Broadcast.Row;
        }

        if (a.Rank >= 1 && b.Rank == a.Rank && b.Shape[b.Rank - 1] == 1
            && a.Shape.AsSpan(0, a.Rank - 1).SequenceEqual(b.Shape.AsSpan(0, b.Rank - 1)))
        {
            return Broadcast.Column;
        }

        throw new ArgumentException(
            $"{op}: cannot broadcast {ShapeUtil.Format(b.Shape)} over {ShapeUtil.Format(a.Shape)}; the right operand must have the same shape, " +
            "the left operand's trailing shape, the same leading shape with a last dimension of 1, or one element.");
    }
}
