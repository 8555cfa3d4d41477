using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// libtorch runs on one intra-op thread in this test assembly. Its float32 results depend on the thread count (it splits
/// some reductions across threads: measured, FeedPle's shared_gates.0.weight gradient differs by 7e-12 between one and
/// two threads, while repeated runs at one count are bit-identical), so one thread makes every deviation the parity tests
/// measure, and the Adam bound that hinges on a gradient near Adam's eps, the same on any machine.
/// </summary>
internal static class LibTorchThreads
{
    [ModuleInitializer]
    internal static void UseOneThread() => set_num_threads(1);
}
