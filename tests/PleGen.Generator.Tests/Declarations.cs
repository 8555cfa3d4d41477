namespace PleGen.Generator.Tests;

/// <summary>Representative declarations shared by snapshot, caching and consumer-style tests.</summary>
internal static class Declarations
{
    public const string TwoLevelPle = """
        using PleGen;

        namespace Demo;

        [PleModel(Levels = 2, Dropout = 0.1)]
        [SharedExperts(Count = 2, Units = [8])]
        [TaskExperts(Count = 1, Units = [8])]
        [TaskExperts(Task = "income", Level = 1, Count = 2)]
        [Task("income", TaskKind.Binary, Tower = [4])]
        [Task("never_married", TaskKind.Binary, Tower = [4], LossWeightDecay = 0.9, Masked = true)]
        [DenseFeature("age")]
        [CategoricalFeature("education", 5, 3)]
        public partial class CensusPle { }
        """;

    public const string Cgc = """
        using PleGen;

        namespace Demo;

        [CgcModel]
        [SharedExperts(Count = 1, Units = [16, 8])]
        [TaskExperts(Count = 2, Units = [8])]
        [Task("ctr", TaskKind.Binary)]
        [Task("cvr", TaskKind.Binary)]
        [DenseFeature("x", 4)]
        public partial class ClickModel { }
        """;

    public const string Mmoe = """
        using PleGen;

        namespace Demo;

        [MmoeModel(Activation = Activation.Tanh)]
        [SharedExperts(Count = 3, Units = [6])]
        [Task("task1", TaskKind.Regression, Tower = [])]
        [Task("task2", TaskKind.Regression, Tower = [])]
        [DenseFeature("x", 5)]
        public partial class SyntheticMmoe { }
        """;

    public const string MultiLevelMmoe = """
        using PleGen;

        namespace Demo;

        [MultiLevelMmoeModel(Levels = 3)]
        [SharedExperts(Count = 2, Units = [6])]
        [SharedExperts(Level = 2, Count = 1)]
        [Task("a", TaskKind.Binary, Tower = [2])]
        [Task("b", TaskKind.Regression, Tower = [2])]
        [DenseFeature("x", 3)]
        public partial class DeepMmoe { }
        """;

    public const string SharedBottom = """
        using PleGen;

        namespace Demo;

        [SharedBottomModel]
        [SharedExperts(Units = [10, 5])]
        [Task("a", TaskKind.Binary, Tower = [3])]
        [Task("b", TaskKind.Binary, Tower = [3])]
        [DenseFeature("x", 4)]
        public partial class HardSharing { }
        """;

    public const string SingleTask = """
        using PleGen;

        namespace Demo;

        [SingleTaskModel]
        [SharedExperts(Units = [10, 5])]
        [Task("a", TaskKind.Binary, Tower = [3])]
        [Task("b", TaskKind.Binary, Tower = [3])]
        [DenseFeature("x", 4)]
        [CategoricalFeature("c", 7, 2)]
        public partial class Separate { }
        """;

    public const string ThreeTasksMixed = """
        using PleGen;

        namespace Demo;

        [PleModel]
        [SharedExperts(Count = 1, Units = [8])]
        [TaskExperts(Count = 1, Units = [8])]
        [Task("click", TaskKind.Binary, Tower = [4])]
        [Task("watch_time", TaskKind.Regression, Tower = [4], LossWeight = 0.5)]
        [Task("share", TaskKind.Binary, Tower = [4], Masked = true)]
        [DenseFeature("user", 6)]
        public partial class VideoPle { }
        """;

    public const string CategoricalAndDense = """
        using PleGen;

        namespace Demo;

        [CgcModel]
        [SharedExperts(Count = 1, Units = [8])]
        [Task("income", TaskKind.Binary, Tower = [4])]
        [Task("married", TaskKind.Binary, Tower = [4])]
        [DenseFeature("age")]
        [DenseFeature("wages", 2)]
        [CategoricalFeature("education", 17, 4)]
        [CategoricalFeature("occupation", 47, 6)]
        public partial class Census { }
        """;

    public const string WithTaskGroup = """
        using PleGen;

        namespace Demo;

        [Task("income", TaskKind.Binary, Tower = [4])]
        [Task("married", TaskKind.Binary, Tower = [4])]
        [DenseFeature("age")]
        public sealed partial class CensusTasks { }

        [MmoeModel(TaskGroup = typeof(CensusTasks))]
        [SharedExperts(Count = 2, Units = [4])]
        public partial class GroupedMmoe { }
        """;

    /// <summary>Features declared without a cardinality (taken from the data when a model is built), beside a declared one.</summary>
    public const string CardinalityFromData = """
        using PleGen;

        namespace Demo;

        [Task("income", TaskKind.Binary, Tower = [4])]
        [Task("married", TaskKind.Binary, Tower = [4])]
        [DenseFeature("age")]
        [CategoricalFeature("education", 17, 4)]
        [CategoricalFeature("occupation", EmbeddingDim = 6)]
        [CategoricalFeature("country", EmbeddingDim = 3)]
        public sealed partial class AdultTasks { }

        [CgcModel(TaskGroup = typeof(AdultTasks))]
        [SharedExperts(Count = 1, Units = [8])]
        public partial class AdultCgc { }
        """;

    /// <summary>A single-task model sized by its data: every task has its own tables, all of the feature's cardinality.</summary>
    public const string SingleTaskFromData = """
        using PleGen;

        namespace Demo;

        [SingleTaskModel]
        [SharedExperts(Units = [8])]
        [Task("income", TaskKind.Binary, Tower = [4])]
        [Task("married", TaskKind.Binary, Tower = [4])]
        [CategoricalFeature("occupation", EmbeddingDim = 6)]
        public partial class AdultSingleTask { }
        """;

    public const string Nested = """
        using PleGen;

        namespace Demo;

        public static partial class Models
        {
            [CgcModel]
            [Task("a", TaskKind.Binary, Tower = [2])]
            [Task("b", TaskKind.Binary, Tower = [2])]
            [DenseFeature("x", 2)]
            public partial class Inner { }
        }
        """;

    public const string GlobalNamespace = """
        using PleGen;

        [SharedBottomModel]
        [Task("a", TaskKind.Regression, Tower = [2])]
        [Task("b", TaskKind.Regression, Tower = [2])]
        [DenseFeature("x", 2)]
        public partial class TopLevel { }
        """;

    public const string Sluice = """
        using PleGen;

        namespace Demo;

        [SluiceModel(Subspaces = 2, OrthogonalityWeight = 0.01, Dropout = 0.1)]
        [SharedExperts(Units = [8, 8])]
        [Task("ctr", TaskKind.Binary, Tower = [4])]
        [Task("cvr", TaskKind.Binary, Tower = [4], Masked = true)]
        [DenseFeature("x", 4)]
        [CategoricalFeature("item", 7, 2)]
        public partial class ConversionSluice { }
        """;
}
