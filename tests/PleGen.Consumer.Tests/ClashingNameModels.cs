using PleGen;

namespace PleGen.Consumer.Tests;

// Valid declarations whose names meet inside the generated code; they must compile here (warnings as errors) and run.
//  - task "shared": its experts' field and local would be named like the shared experts' (level0SharedExperts);
//  - tasks "a" and "a1" over 12 levels: the gate of "a" at level 10 and that of "a1" at level 0 would both be gateA10;
//  - feature "a" and task "a", feature "int" and task "int": tasks and features are separate namespaces, but the
//    Dataset constructor takes both; feature "a1_mask" takes the name of task a1's mask parameter there;
//  - keyword names ("int", "double") become @int parameters and _int fields.
[PleModel(Levels = 12, Activation = Activation.Tanh)]
[SharedExperts(Count = 1, Units = [4])]
[TaskExperts(Count = 1, Units = [4])]
[Task("shared", TaskKind.Binary)]
[Task("a", TaskKind.Binary, Tower = [])]
[Task("a1", TaskKind.Regression, Masked = true)]
[Task("int", TaskKind.Binary, Masked = true)]
[DenseFeature("a", 2)]
[DenseFeature("int")]
[CategoricalFeature("a1_mask", 3, 2)]
[CategoricalFeature("double", 5, 2)]
public partial class ClashingNamesPle
{
}

// Single-task models own one embedding table per task and feature: feature "a" of task "b_c" and feature "a_b" of
// task "c" would both be the field _aBCEmbedding.
[SingleTaskModel(Activation = Activation.Tanh)]
[SharedExperts(Units = [4])]
[Task("b_c", TaskKind.Binary)]
[Task("c", TaskKind.Regression)]
[CategoricalFeature("a", 3, 2)]
[CategoricalFeature("a_b", 3, 2)]
public partial class ClashingEmbeddingsSingleTask
{
}
