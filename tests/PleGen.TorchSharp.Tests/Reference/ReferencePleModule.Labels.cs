using TorchSharp;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

public sealed partial class ReferencePleModule
{
    /// <summary>
    /// The labels of one mini-batch, checked on construction (shapes and dtypes). The caller owns the tensors.
    /// </summary>
    public sealed class Labels
    {
        public Labels(Tensor click, Tensor watchTime, Tensor watchTimeMask)
        {
            BatchSize = ShapeChecks.Samples(click, "Labels.Click", "0/1 labels of binary task 'click'", ScalarType.Float32);
            ShapeChecks.PerSample(watchTime, "Labels.WatchTime", "targets of regression task 'watch_time'",
                BatchSize, "Labels.Click", ScalarType.Float32);
            ShapeChecks.PerSample(watchTimeMask, "Labels.WatchTimeMask", "0/1 sample-space mask of task 'watch_time'",
                BatchSize, "Labels.Click", ScalarType.Float32);
            Click = click;
            WatchTime = watchTime;
            WatchTimeMask = watchTimeMask;
        }

        /// <summary>CPU labels from one value per sample in each array.</summary>
        public static Labels FromArrays(float[] click, float[] watchTime, float[] watchTimeMask) =>
            new(torch.tensor(click), torch.tensor(watchTime), torch.tensor(watchTimeMask));

        /// <summary>Number of samples.</summary>
        public long BatchSize { get; }

        /// <summary>Task "click": [batch] float32, 0 or 1.</summary>
        public Tensor Click { get; }

        /// <summary>Task "watch_time": [batch] float32; any finite value where the mask is 0 (it is multiplied by 0).</summary>
        public Tensor WatchTime { get; }

        /// <summary>[batch] float32: 1 where the sample is in watch_time's sample space, else 0.</summary>
        public Tensor WatchTimeMask { get; }

        /// <summary>The same labels on <paramref name="device"/> (new tensors in the current dispose scope).</summary>
        public Labels To(Device device) => new(Click.to(device), WatchTime.to(device), WatchTimeMask.to(device));
    }
}
