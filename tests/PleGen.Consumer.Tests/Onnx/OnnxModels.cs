using PleGen;

namespace PleGen.Consumer.Tests.Onnx;

// One small declaration per architecture, exported by its generated ExportOnnx and run in ONNX Runtime. Between
// them they cover every activation, dropout (off at inference), empty and deeper towers, dense-only and categorical
// inputs, several embeddings per feature (single-task) and binary and regression tasks.

[PleModel(Levels = 2, Activation = Activation.Tanh)]
[SharedExperts(Count = 2, Units = [8, 6])]
[TaskExperts(Count = 1, Units = [6])]
[Task("ctr", TaskKind.Binary, Tower = [4])]
[Task("watch_time", TaskKind.Regression, Tower = [])]
[DenseFeature("user", 5)]
[CategoricalFeature("item", 13, 3)]
[CategoricalFeature("city", 4, 2)]
public partial class OnnxPle
{
}

[CgcModel(Activation = Activation.Sigmoid, Dropout = 0.3)]
[SharedExperts(Count = 1, Units = [8])]
[TaskExperts(Count = 2, Units = [8])]
[Task("click", TaskKind.Binary, Tower = [4])]
[Task("buy", TaskKind.Binary, Tower = [4, 3])]
[DenseFeature("x", 6)]
[CategoricalFeature("c", 9, 2)]
public partial class OnnxCgc
{
}

[MmoeModel]
[SharedExperts(Count = 3, Units = [10])]
[Task("a", TaskKind.Binary, Tower = [])]
[Task("b", TaskKind.Regression, Tower = [5])]
[DenseFeature("x", 7)]
public partial class OnnxMmoe
{
}

[MultiLevelMmoeModel(Levels = 3)]
[SharedExperts(Count = 2, Units = [6, 4])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Binary, Tower = [3])]
[DenseFeature("x", 3)]
[CategoricalFeature("c", 5, 2)]
public partial class OnnxDeepMmoe
{
}

[SharedBottomModel(Activation = Activation.Tanh)]
[SharedExperts(Units = [12, 6])]
[Task("a", TaskKind.Binary, Tower = [4])]
[Task("b", TaskKind.Regression, Tower = [4])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 7, 3)]
public partial class OnnxSharedBottom
{
}

[OmoeModel(Activation = Activation.Sigmoid)]
[SharedExperts(Count = 3, Units = [6, 5])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 6, 2)]
public partial class OnnxOmoe
{
}

[CustomizedSharingModel(Activation = Activation.Tanh)]
[SharedExperts(Units = [6, 4])]
[TaskExperts(Task = "b", Units = [3])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Binary, Tower = [])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 6, 2)]
public partial class OnnxCustomizedSharing
{
}

[AsymmetricSharingModel(Fusion = Fusion.Sum)]
[SharedExperts(Units = [6, 4])]
[TaskDependency("a", DependsOn = ["b", "c"])]
[TaskDependency("c", DependsOn = ["a"])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[Task("c", TaskKind.Regression, Tower = [])]
[DenseFeature("x", 5)]
public partial class OnnxAsymmetricSharing
{
}

[CrossStitchModel(Activation = Activation.Tanh, SelfWeight = 0.7)]
[SharedExperts(Units = [6, 4])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [])]
[Task("c", TaskKind.Binary, Tower = [2])]
[DenseFeature("x", 4)]
[CategoricalFeature("k", 5, 2)]
public partial class OnnxCrossStitch
{
}

[SluiceModel(Activation = Activation.Sigmoid, Subspaces = 3, OrthogonalityWeight = 0.1, Dropout = 0.2)]
[SharedExperts(Units = [6, 6, 6])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [])]
[DenseFeature("x", 4)]
[CategoricalFeature("k", 5, 2)]
public partial class OnnxSluice
{
}

[SingleTaskModel]
[SharedExperts(Units = [8, 4])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 7, 2)]
[CategoricalFeature("d", 3, 1)]
public partial class OnnxSingleTask
{
}

// The cardinality of "c" comes from the data: the export reads it from the embedding table the model was built with.
[CgcModel]
[SharedExperts(Count = 1, Units = [6])]
[TaskExperts(Count = 1, Units = [6])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [])]
[DenseFeature("x", 3)]
[CategoricalFeature("c", EmbeddingDim = 3)]
public partial class OnnxDataSized
{
}
