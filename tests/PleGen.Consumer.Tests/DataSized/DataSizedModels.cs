using PleGen;

namespace PleGen.Consumer.Tests.DataSized;

// A task group whose occupation and country take their cardinality from the data (the training vocabularies), beside a
// declared one; a PLE and a single-task model over it (the single-task model has a table per task for each feature).
[Task("income", TaskKind.Binary, Tower = [4])]
[Task("hours", TaskKind.Regression, Tower = [4])]
[DenseFeature("age")]
[CategoricalFeature("education", 6, 3)]
[CategoricalFeature("occupation", EmbeddingDim = 4)]
[CategoricalFeature("country", EmbeddingDim = 2)]
public sealed partial class PeopleTasks
{
}

[PleModel(TaskGroup = typeof(PeopleTasks), Levels = 2)]
[SharedExperts(Count = 1, Units = [8])]
[TaskExperts(Count = 1, Units = [8])]
public partial class PeoplePle
{
}

[SingleTaskModel(TaskGroup = typeof(PeopleTasks))]
[SharedExperts(Units = [8])]
public partial class PeopleSingleTask
{
}
