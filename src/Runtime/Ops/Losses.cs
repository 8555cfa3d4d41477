using System;

namespace PleGen.Runtime;

/// <summary>
/// Per-task losses of the joint objective. Both take an optional 0/1 mask per sample: the mean then runs over
/// masked-in samples only (PLE Eq. 9), and a batch with no masked-in sample gives 0 with a zero gradient.
/// A non-finite loss is reported with the first offending sample instead of silently poisoning training.
/// </summary>
public static class Losses
{
    /// <summary>
    /// Binary cross-entropy on logits, computed stably as max(x, 0) - x*y + log(1 + exp(-|x|)).
    /// logits and targets hold one value per sample ([batch] or [batch, 1]); targets in [0, 1].
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? mask = null, string task = "task")
        => Masked("BinaryCrossEntropyWithLogits", task, logits, targets, mask, binary: true);

    /// <summary>Mean squared error (x - y)^2 over samples, optionally masked.</summary>
    public static Tensor MeanSquaredError(Tensor predictions, Tensor targets, Tensor? mask = null, string task = "task")
        => Masked("MeanSquaredError", task, predictions, targets, mask, binary: false);

    private static Tensor Masked(string loss, string task, Tensor x, Tensor y, Tensor? mask, bool binary)
    {
        int n = x.Length;
        if (x.Rank > 2 || (x.Rank == 2 && x.Shape[1] != 1))
        {
            throw new ArgumentException($"{loss} ({task}): predictions must be [batch] or [batch, 1], but they are {ShapeUtil.Format(x.Shape)}.");
        }

        if (y.Length != n)
        {
            throw new ArgumentException($"{loss} ({task}): {n} predictions {ShapeUtil.Format(x.Shape)} but {y.Length} targets {ShapeUtil.Format(y.Shape)}.");
        }

        if (mask is not null && mask.Length != n)
        {
            throw new ArgumentException($"{loss} ({task}): {n} predictions but the mask has {mask.Length} values {ShapeUtil.Format(mask.Shape)}.");
        }

        ReadOnlySpan<float> xd = x.Data, yd = y.Data;
        ReadOnlySpan<float> md = mask is null ? ReadOnlySpan<float>.Empty : mask.Data;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            float m = md.IsEmpty ? 1f : md[i];
            if (m == 0f)
            {
                continue;
            }

            if (m != 1f)
            {
                throw new ArgumentException($"{loss} ({task}): the mask must hold 0 or 1, but sample {i} has {m}.");
            }

            float term = binary ? BceTerm(xd[i], yd[i]) : (xd[i] - yd[i]) * (xd[i] - yd[i]);
            if (!float.IsFinite(term))
            {
                throw new NonFiniteLossException(
                    $"{loss} of task '{task}' is not finite at sample {i}: prediction {xd[i]}, target {yd[i]}. " +
                    "Check the inputs and labels for NaN or infinity, or lower the learning rate if training diverged.", task, i);
            }

            sum += term;
            count++;
        }

        Tensor result = Ops.Scalar(count == 0 ? 0f : (float)(sum / count));
        if (count > 0 && Tape.Needs(x))
        {
            float scale = 1f / count;
            Tape.Record(result, () =>
            {
                float upstream = result.Grad[0] * scale;
                Span<float> dx = x.Grad;
                ReadOnlySpan<float> xs = x.Data, ys = y.Data;
                ReadOnlySpan<float> ms = mask is null ? ReadOnlySpan<float>.Empty : mask.Data;
                for (int i = 0; i < dx.Length; i++)
                {
                    if (!ms.IsEmpty && ms[i] == 0f)
                    {
                        continue;
                    }

                    // d/dx BCE = sigmoid(x) - y;  d/dx MSE = 2 (x - y)
                    dx[i] += upstream * (binary ? Sigmoid(xs[i]) - ys[i] : 2f * (xs[i] - ys[i]));
                }
            });
        }

        return result;
    }

    // In double: log(1 + exp(-|x|)) loses relative precision in float when the loss is tiny.
    private static float BceTerm(float x, float y) => (float)(Math.Max(x, 0.0) - ((double)x * y) + Math.Log(1.0 + Math.Exp(-Math.Abs((double)x))));

    private static float Sigmoid(float x) => x >= 0 ? 1f / (1f + MathF.Exp(-x)) : MathF.Exp(x) / (1f + MathF.Exp(x));
}

/// <summary>A loss came out NaN or infinite; names the task and the first offending sample.</summary>
public sealed class NonFiniteLossException : ArithmeticException
{
    public NonFiniteLossException(string message, string task, int sample)
        : base(message)
    {
        Task = task;
        Sample = sample;
    }

    /// <summary>The task whose loss is not finite.</summary>
    public string Task { get; }

    /// <summary>Index of the first sample whose term is not finite.</summary>
    public int Sample { get; }
}
