using Xunit;

// Every test here draws weights, dropout masks or shuffles from libtorch's one process-wide generator (Create(seed)
// reseeds it, then builds the model), so two test classes running at once would interleave their draws and a
// "same seed, same weights" check would fail now and then (measured: 2 of 6 full runs). The assembly runs its tests
// one at a time; libtorch itself runs on one thread here (LibTorchThreads), so little is lost.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
