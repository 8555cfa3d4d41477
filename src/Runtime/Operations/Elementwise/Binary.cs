using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// a + b element-wise; b broadcasts over a: same shape, a's trailing shape (a bias [n] over [batch, n]),
    /// a column [..., 1] over [..., n], or one element. Result: a's shape.
    /// </summary>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryOp.Add, a, b);

    /// <summary>a - b element-wise, b broadcast over a as in <see cref="Add"/>. Result: a's shape.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary(BinaryOp.Sub, a, b);

    /// <summary>a * b element-wise, b broadcast over a as in <see cref="Add"/>. Result: a's shape.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryOp.Mul, a, b);

    private enum BinaryOp
    {
        Add,
        Sub,
        Mul,
    }

    private static Tensor Binary(BinaryOp op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Broadcast form = BroadcastRules.Classify(Name(op), a, b);
        Tensor y = Tensor.CreateLike(a, clear: false);
        ReadOnlySpan<float> ad = a.Data, bd = b.Data;
        Span<float> yd = y.Data;
        switch (form)
        {
            case Broadcast.None:
                Apply(op, ad, bd, yd);
                break;
            case Broadcast.Scalar:
                Apply(op, ad, bd[0], yd);
                break;
            case Broadcast.Row:
                for (int start = 0; start < ad.Length; start += bd.Length)
                {
                    Apply(op, ad.Slice(start, bd.Length), bd, yd.Slice(start, bd.Length));
                }

                break;
            default:
                int width = a.Shape[^1];
                for (int r = 0; r < bd.Length; r++)
                {
                    Apply(op, ad.Slice(r * width, width), bd[r], yd.Slice(r * width, width));
                }

                break;
        }

        if (GradientMode.ShouldRecord(a, b))
        {
            Tape.Record(y, new BinaryNode(op, form, a, b));
        }

        return y;
    }

    private static string Name(BinaryOp op) => op switch
    {
        BinaryOp.Add => "Add",
        BinaryOp.Sub => "Sub",
        _ => "Mul",
    };

    private static void Apply(BinaryOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add(a, b, y);
                break;
            case BinaryOp.Sub:
                TensorPrimitives.Subtract(a, b, y);
                break;
            default:
                TensorPrimitives.Multiply(a, b, y);
                break;
        }
    }

    private static void Apply(BinaryOp op, ReadOnlySpan<float> a, float b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add(a, b, y);
                break;
            case BinaryOp.Sub:
                TensorPrimitives.Subtract(a, b, y);
                break;
            default:
                TensorPrimitives.Multiply(a, b, y);
                break;
        }
    }

    private sealed class BinaryNode(BinaryOp op, Broadcast form, Tensor a, Tensor b) : BackwardNode(Name(op))
    {
        public override int InputCount => 2;

        public override Tensor? InputAt(int index) => index == 0 ? a : b;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            if (a.RequiresGrad)
            {
                AccumulateIntoA(dy, a.Grad);
            }

            if (b.RequiresGrad)
            {
                AccumulateIntoB(dy, b.Grad);
            }
        }

        /// <summary>da += dy (add, sub) or dy * b broadcast (mul).</summary>
        private void AccumulateIntoA(ReadOnlySpan<float> dy, Span<float> da)
        {
            if (op != BinaryOp.Mul)
            {
                TensorPrimitives.Add(da, dy, da);
                return;
            }

            ReadOnlySpan<float> bd = b.Data;
            switch (form)
            {
                case Broadcast.None:
                    TensorPrimitives.MultiplyAdd(dy, bd, da, da);
                    break;
                case Broadcast.Scalar:
                    TensorPrimitives.MultiplyAdd(dy, bd[0], da, da);
                    break;
                case Broadcast.Row:
                    for (int start = 0; start < dy.Length; start += bd.Length)
                    {
                        Span<float> target = da.Slice(start, bd.Length);
                        TensorPrimitives.MultiplyAdd(dy.Slice(start, bd.Length), bd, target, target);
                    }

                    break;
                default:
                    int width = a.Shape[^1];
                    for (int r = 0; r < bd.Length; r++)
                    {
                        Span<float> target = da.Slice(r * width, width);
                        TensorPrimitives.MultiplyAdd(dy.Slice(r * width, width), bd[r], target, target);
                    }

                    break;
            }
        }

        /// <summary>db += the sum, over the positions b was repeated at, of ±dy (add, sub) or dy * a (mul).</summary>
        private void AccumulateIntoB(ReadOnlySpan<float> dy, Span<float> db)
        {
            ReadOnlySpan<float> ad = a.Data;
            bool mul = op == BinaryOp.Mul;
            float sign = op == BinaryOp.Sub ? -1f : 1f;
            switch (form)
            {
                case Broadcast.None:
                    if (mul)
                    {
                        TensorPrimitives.MultiplyAdd(dy, ad, db, db);
                    }
                    else
                    {
                        TensorPrimitives.MultiplyAdd(dy, sign, db, db);
                    }

                    break;
                case Broadcast.Scalar:
                    db[0] += mul ? TensorPrimitives.Dot(dy, ad) : sign * TensorPrimitives.Sum(dy);
                    break;
                case Broadcast.Row:
                    for (int start = 0; start < dy.Length; start += db.Length)
                    {
                        if (mul)
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(start, db.Length), ad.Slice(start, db.Length), db, db);
                        }
                        else
                        {
                            TensorPrimitives.MultiplyAdd(dy.Slice(start, db.Length), sign, db, db);
                        }
                    }

                    break;
                default:
                    int width = a.Shape[^1];
                    for (int r = 0; r < db.Length; r++)
                    {
                        ReadOnlySpan<float> row = dy.Slice(r * width, width);
                        db[r] += mul ? TensorPrimitives.Dot(row, ad.Slice(r * width, width)) : sign * TensorPrimitives.Sum(row);
                    }

                    break;
            }
        }
    }
}
