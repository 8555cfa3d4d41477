using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

public sealed partial class ReferencePleModule
{
    /// <summary>The model's output for one mini-batch.</summary>
    public sealed class Output
    {
        public Output(Tensor clickLogit, Tensor watchTime)
        {
            BatchSize = clickLogit.shape[0];
            ClickLogit = clickLogit;
            WatchTime = watchTime;
        }

        /// <summary>Number of samples.</summary>
        public long BatchSize { get; }

        /// <summary>Task "click": [batch] logits (sigmoid gives the probability).</summary>
        public Tensor ClickLogit { get; }

        /// <summary>Task "watch_time": [batch] predictions.</summary>
        public Tensor WatchTime { get; }

        /// <summary>Hands both tensors to the enclosing dispose scope (or to the caller when there is none).</summary>
        public Output MoveToOuterDisposeScope()
        {
            ClickLogit.MoveToOuterDisposeScope();
            WatchTime.MoveToOuterDisposeScope();
            return this;
        }
    }
}
