using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

/// <summary>
/// The shared machinery of <see cref="LossFunctions"/>: per-sample terms computed with TensorPrimitives in stack-sized
/// chunks (no buffer allocated), their mean over masked-in samples, the non-finite check, and the backward step.
/// </summary>
internal static class MaskedMeanLoss
{
    /// <summary>Samples per chunk (two stack temporaries of this many floats).</summary>
    private const int Chunk = 256;

    public enum Kind
    {
        BinaryCrossEntropyWithLogits,
        MeanSquaredError,
    }

    public static Tensor Compute(Kind kind, Tensor predictions, Tensor targets, Tensor? mask, string task)
    {
        string loss = Name(kind);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(task);
        CheckShapes(loss, task, predictions, targets, mask);

        ReadOnlySpan<float> x = predictions.Data, y = targets.Data;
        ReadOnlySpan<float> m = mask is null ? default : mask.Data;
        int count = m.IsEmpty ? x.Length : CountMaskedIn(loss, task, m);

        Span<float> terms = stackalloc float[Chunk];
        Span<float> scratch = stackalloc float[Chunk];
        double sum = 0;
        bool ignoredNonFinite = false;
        for (int start = 0; start < x.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, x.Length - start);
            Span<float> t = terms.Slice(0, n);
            Terms(kind, x.Slice(start, n), y.Slice(start, n), t, scratch.Slice(0, n));
            ReadOnlySpan<float> mChunk = m.IsEmpty ? default : m.Slice(start, n);
            float chunkSum = mChunk.IsEmpty ? TensorPrimitives.Sum(t) : MaskedSum(t, mChunk, scratch.Slice(0, n));
            if (float.IsFinite(chunkSum))
            {
                sum += chunkSum;
                continue;
            }

            // Slow path: a non-finite term, or a finite float sum that overflowed. Terms of masked-out samples are
            // ignored (their labels may be missing), the first masked-in non-finite term is reported.
            for (int i = 0; i < n; i++)
            {
                bool maskedIn = mChunk.IsEmpty || mChunk[i] != 0f;
                if (float.IsFinite(t[i]))
                {
                    sum += maskedIn ? t[i] : 0.0;
                }
                else if (maskedIn)
                {
                    int sample = start + i;
                    throw new NonFiniteLossException(
                        $"{loss} of task '{task}' is not finite at sample {sample}: prediction {x[sample]}, target {y[sample]}. " +
                        "Check the inputs and labels for NaN or infinity, or lower the learning rate if training diverged.", loss, task, sample);
                }
                else
                {
                    ignoredNonFinite = true;
                }
            }
        }

        float mean = count == 0 ? 0f : (float)(sum / count);
        if (!float.IsFinite(mean))
        {
            int largest = LargestTermSample(kind, x, y, m);
            throw new NonFiniteLossException(
                $"{loss} of task '{task}' overflows float32: the mean over {count} samples is {sum / count:G4}; the largest term is at sample {largest} " +
                $"(prediction {x[largest]}, target {y[largest]}). Lower the learning rate or scale the targets.", loss, task, largest);
        }

        Tensor result = Tensor.Create(Array.Empty<int>(), clear: false);
        result.Data[0] = mean;
        if (GradientMode.ShouldRecord(predictions))
        {
            Tape.Record(result, new MaskedMeanNode(kind, predictions, targets, mask, count, ignoredNonFinite));
        }

        return result;
    }

    private static string Name(Kind kind) => kind == Kind.BinaryCrossEntropyWithLogits ? "BinaryCrossEntropyWithLogits" : "MeanSquaredError";

    private static void CheckShapes(string loss, string task, Tensor x, Tensor y, Tensor? mask)
    {
        int n = x.Length;
        if (x.Rank > 2 || (x.Rank == 2 && x.Shape[1] != 1))
        {
            throw new ArgumentException($"{loss} ({task}): predictions must be [batch] or [batch, 1], but they are {ShapeUtil.Format(x.Shape)}.");
        }

        if (y.Length != n)
        {
            throw new ArgumentException(
                $"{loss} ({task}): {n} predictions {ShapeUtil.Format(x.Shape)} but {y.Length} targets {ShapeUtil.Format(y.Shape)}; pass one target per sample.");
        }

        if (mask is not null && mask.Length != n)
        {
            throw new ArgumentException(
                $"{loss} ({task}): {n} predictions {ShapeUtil.Format(x.Shape)} but the mask has {mask.Length} values {ShapeUtil.Format(mask.Shape)}; pass one 0/1 value per sample.");
        }
    }

    private static int CountMaskedIn(string loss, string task, ReadOnlySpan<float> mask)
    {
        int bad = mask.IndexOfAnyExcept(0f, 1f);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"{loss} ({task}): the mask must hold 0 or 1 per sample (1 = the sample is in the task's sample space), but sample {bad} has {mask[bad]}.");
        }

        return (int)TensorPrimitives.Sum(mask);
    }

    /// <summary>sum(terms * mask), with <paramref name="scratch"/> as temporary.</summary>
    private static float MaskedSum(ReadOnlySpan<float> terms, ReadOnlySpan<float> mask, Span<float> scratch)
    {
        TensorPrimitives.Multiply(terms, mask, scratch);
        return TensorPrimitives.Sum(scratch);
    }

    /// <summary>The per-sample terms into <paramref name="terms"/>, using <paramref name="scratch"/>.</summary>
    private static void Terms(Kind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> terms, Span<float> scratch)
    {
        if (kind == Kind.MeanSquaredError)
        {
            TensorPrimitives.Subtract(x, y, terms);
            TensorPrimitives.Multiply(terms, terms, terms);
            return;
        }

        // max(x, 0) - x*y + log(1 + exp(-|x|)): exp never sees a positive argument, so nothing overflows, and
        // log1p keeps the tail accurate where exp(-|x|) is tiny.
        TensorPrimitives.Abs(x, terms);
        TensorPrimitives.Negate(terms, terms);
        TensorPrimitives.Exp(terms, terms);
        TensorPrimitives.LogP1(terms, terms);
        TensorPrimitives.Multiply(x, y, scratch);
        TensorPrimitives.Subtract(terms, scratch, terms);
        TensorPrimitives.Max(x, 0f, scratch);
        TensorPrimitives.Add(terms, scratch, terms);
    }

    private static int LargestTermSample(Kind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> mask)
    {
        Span<float> one = stackalloc float[1];
        Span<float> scratch = stackalloc float[1];
        int largest = 0;
        float largestTerm = float.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            Terms(kind, x.Slice(i, 1), y.Slice(i, 1), one, scratch);
            if (one[0] > largestTerm)
            {
                largestTerm = one[0];
                largest = i;
            }
        }

        return largest;
    }

    /// <summary>
    /// d mean / dx_i = mask_i * g(x_i, y_i) / count with g = sigmoid(x) - y (BCE) or 2 (x - y) (MSE).
    /// </summary>
    private sealed class MaskedMeanNode(Kind kind, Tensor predictions, Tensor targets, Tensor? mask, int count, bool ignoredNonFinite)
        : BackwardNode(Name(kind))
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => predictions;

        public override void Backward(Tensor result)
        {
            if (count == 0)
            {
                return;
            }

            float scale = result.Grad[0] / count;
            ReadOnlySpan<float> x = predictions.Data, y = targets.Data;
            ReadOnlySpan<float> m = mask is null ? default : mask.Data;
            Span<float> dx = predictions.Grad;
            Span<float> g = stackalloc float[Chunk];
            for (int start = 0; start < x.Length; start += Chunk)
            {
                int n = Math.Min(Chunk, x.Length - start);
                Span<float> gs = g.Slice(0, n);
                if (kind == Kind.BinaryCrossEntropyWithLogits)
                {
                    TensorPrimitives.Sigmoid(x.Slice(start, n), gs);
                    TensorPrimitives.Subtract(gs, y.Slice(start, n), gs);
                    TensorPrimitives.Multiply(gs, scale, gs);
                }
                else
                {
                    TensorPrimitives.Subtract(x.Slice(start, n), y.Slice(start, n), gs);
                    TensorPrimitives.Multiply(gs, 2f * scale, gs);
                }

                Span<float> target = dx.Slice(start, n);
                if (m.IsEmpty)
                {
                    TensorPrimitives.Add(target, gs, target);
                }
                else if (!ignoredNonFinite)
                {
                    TensorPrimitives.MultiplyAdd(gs, m.Slice(start, n), target, target);
                }
                else
                {
                    // Some masked-out sample has a NaN or infinite term: multiplying by its 0 would still give NaN.
                    for (int i = 0; i < n; i++)
                    {
                        if (m[start + i] != 0f)
                        {
                            target[i] += gs[i];
                        }
                    }
                }
            }
        }
    }
}
