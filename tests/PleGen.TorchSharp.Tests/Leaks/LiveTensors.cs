using System;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Leaks;

/// <summary>
/// TorchSharp's two counts of live native tensors (0.107): <see cref="DisposeScopeManager.Statistics"/>.ThreadTotalLiveCount,
/// the tensors created on this thread minus those disposed on it (a tensor left to the garbage collector is finalized
/// on another thread, so it stays counted: this catches every tensor nobody disposes), and torch.Tensor.TotalCount, every
/// thread's tensors whose handle is still open, read after a full collection (this catches tensors something keeps
/// alive). Tests reading them run in <see cref="Infrastructure.SerialLibTorch"/>, since TotalCount sees other tests' tensors.
/// </summary>
internal readonly record struct LiveTensors(long OnThisThread, long InProcess)
{
    public static LiveTensors Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new LiveTensors(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Tensor.TotalCount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OnThisThread} on this thread, {InProcess} in the process");
}
