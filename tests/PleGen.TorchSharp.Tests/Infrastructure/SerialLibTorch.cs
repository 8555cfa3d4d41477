using Xunit;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Tests that read process-wide libtorch state run alone, after the parallel ones: the live-tensor count
/// (torch.Tensor.TotalCount counts every thread's tensors) and the global generator dropout draws from (another test's
/// Create reseeds it), so their numbers are the same on every run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialLibTorch
{
    public const string Name = "Process-wide libtorch state";
}
