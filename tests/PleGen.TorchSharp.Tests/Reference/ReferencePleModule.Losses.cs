using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

public sealed partial class ReferencePleModule
{
    /// <summary>Scalar losses of one mini-batch: each task's, and their weighted sum (the one to call backward() on).</summary>
    public sealed class Losses
    {
        public Losses(Tensor click, Tensor watchTime, Tensor total)
        {
            Click = click;
            WatchTime = watchTime;
            Total = total;
        }

        /// <summary>Mean binary cross-entropy of task "click" over the batch.</summary>
        public Tensor Click { get; }

        /// <summary>Mean squared error of task "watch_time" over its masked-in samples; 0 when there are none.</summary>
        public Tensor WatchTime { get; }

        /// <summary>Sum of the task losses weighted by w0 * gamma^epoch.</summary>
        public Tensor Total { get; }
    }
}
