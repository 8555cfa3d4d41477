using PleGen;

namespace PleGen.TorchSharp.Tests.DataSized;

// A task group whose "occupation" takes its cardinality from the data, and a CGC over it with both flavors.
[Task("click", TaskKind.Binary, Tower = [4])]
[Task("watch_time", TaskKind.Regression, Tower = [4])]
[DenseFeature("profile", 3)]
[CategoricalFeature("occupation", EmbeddingDim = 4)]
[CategoricalFeature("region", 5, 2)]
public sealed partial class SizedTasks
{
}

[CgcModel(TaskGroup = typeof(SizedTasks))]
[SharedExperts(Count = 1, Units = [8])]
[TaskExperts(Count = 1, Units = [8])]
public partial class SizedCgc
{
}
