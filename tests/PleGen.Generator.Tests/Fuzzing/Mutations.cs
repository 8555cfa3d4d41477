using System;

namespace PleGen.Generator.Tests.Fuzzing;

/// <summary>One edit that makes a valid declaration invalid, and the diagnostic it must produce (null: any PLE diagnostic).</summary>
internal sealed record Mutation(string Name, string? ExpectedId, Func<RandomDeclaration, bool> AppliesTo, Action<Random, RandomDeclaration> Apply);

/// <summary>The catalog: at least one mutation per rule.</summary>
internal static class Mutations
{
    public static readonly Mutation[] All =
    {
        new("drop partial", "PLE0001", _ => true, (_, d) => d.Modifiers = "public"),
        new("generic class", "PLE0002", _ => true, (_, d) => d.TypeParameters = "<T>"),
        new("static or abstract class", "PLE0025", _ => true, (r, d) => d.Modifiers = RandomDeclaration.Pick(r, "public static partial", "public abstract partial")),
        new("two architectures", "PLE0003", _ => true, (_, d) => d.ExpertAttributes.Insert(0, d.Architecture == "MmoeModel" ? "[CgcModel]" : "[MmoeModel]")),
        new("no tasks", "PLE0004", _ => true, (_, d) => d.Tasks.Clear()),
        new("one task on a multi-task architecture", "PLE0005", d => d.Architecture != "SingleTaskModel", (_, d) => d.Tasks.RemoveRange(1, d.Tasks.Count - 1)),
        new("duplicate task name in another case", "PLE0006", _ => true, (_, d) =>
            d.Tasks.Add(("dup", $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name.ToUpperInvariant() == d.Tasks[0].Name ? d.Tasks[0].Name.ToLowerInvariant() : d.Tasks[0].Name.ToUpperInvariant())}, TaskKind.Binary)]"))),
        new("duplicate feature name", "PLE0006", _ => true, (_, d) => d.Features.Add(d.Features[0])),
        new("invalid task name", "PLE0007", _ => true, (r, d) =>
            d.Tasks.Add(("bad", $"[Task({RandomDeclaration.Quote(RandomDeclaration.Pick(r, "1abc", "a-b", "", "a b", "x.y", "__", "ä!"))}, TaskKind.Binary)]"))),
        new("invalid feature name", "PLE0007", _ => true, (r, d) =>
            d.Features.Add($"[DenseFeature({RandomDeclaration.Quote(RandomDeclaration.Pick(r, "9lives", "a+b", "", "tab\\tname"))})]")),
        new("reserved name", "PLE0008", _ => true, (r, d) =>
            d.Features.Add($"[DenseFeature({RandomDeclaration.Quote(RandomDeclaration.Pick(r, "total", "batch_size", "get_hash_code", "to_string"))})]")),
        new("levels below one", "PLE0009", _ => true, (r, d) => SetLevels(d, RandomDeclaration.Pick(r, 0, -1, int.MinValue))),
        new("several levels on a one-level architecture", "PLE0010", d => !d.IsMultiLevel, (r, d) => SetLevels(d, RandomDeclaration.Pick(r, 2, 3, 100))),
        new("task experts without task experts", "PLE0011", d => !d.HasTaskExperts, (r, d) => d.ExpertAttributes.Add($"[TaskExperts(Count = {r.Next(1, 4)})]")),
        new("several bottoms", "PLE0011", d => !d.IsGated, (r, d) => d.ExpertAttributes[0] = $"[SharedExperts(Count = {RandomDeclaration.Pick(r, 0, 2, 5)})]"),
        new("empty gate", "PLE0012", d => d.HasTaskExperts, (_, d) =>
        {
            d.ExpertAttributes.Clear();
            d.ExpertAttributes.Add("[SharedExperts(Count = 0)]");
            d.ExpertAttributes.Add("[TaskExperts(Count = 0)]");
        }),
        new("non-positive units", "PLE0013", _ => true, (r, d) =>
            d.ExpertAttributes[0] = $"[SharedExperts(Units = [{RandomDeclaration.Pick(r, "0", "-1", "int.MinValue", "64, 0")}])]"),
        new("non-positive tower", "PLE0013", _ => true, (r, d) =>
            d.Tasks[0] = (d.Tasks[0].Name, $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name)}, TaskKind.Binary, Tower = [{RandomDeclaration.Pick(r, "0", "-8", "16, -1")}])]")),
        new("non-positive width or cardinality", "PLE0013", _ => true, (r, d) =>
            d.Features.Add(RandomDeclaration.Pick(r, "[DenseFeature(\"w0\", 0)]", "[CategoricalFeature(\"c0\", 0, 4)]", "[CategoricalFeature(\"c0\", 5, -2)]", "[DenseFeature(\"w0\", int.MinValue)]"))),
        new("negative count", "PLE0014", d => d.IsGated, (r, d) => d.ExpertAttributes.Add($"[SharedExperts(Level = 0, Count = {RandomDeclaration.Pick(r, -1, int.MinValue)})]")),
        new("no features", "PLE0015", _ => true, (_, d) => d.Features.Clear()),
        new("dropout out of range", "PLE0016", _ => true, (r, d) =>
            d.ModelArguments.Add("Dropout = " + RandomDeclaration.Pick(r, "1.0", "-0.1", "double.NaN", "double.PositiveInfinity", "7"))),
        new("non-positive loss weight", "PLE0017", _ => true, (r, d) =>
            d.Tasks[0] = (d.Tasks[0].Name, $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name)}, TaskKind.Regression, {RandomDeclaration.Pick(r, "LossWeight", "LossWeightDecay")} = {RandomDeclaration.Pick(r, "0", "-1", "double.NaN", "double.PositiveInfinity")})]")),
        new("non-constant argument", "PLE0018", _ => true, (_, d) =>
        {
            d.ExpertAttributes.Add("[SharedExperts(Level = 0, Units = Sizes.Hidden)]");
            d.Extra = "public static class Sizes { public static readonly int[] Hidden = { 8 }; }\n";
        }),
        new("wrong argument type", "PLE0018", _ => true, (r, d) =>
            d.Features.Add(RandomDeclaration.Pick(r, "[DenseFeature(42)]", "[DenseFeature(\"w\", \"wide\")]", "[CategoricalFeature(\"x\", 1.5, 2)]"))),
        new("missing constructor argument", "PLE0018", _ => true, (r, d) =>
            d.Features.Add(RandomDeclaration.Pick(r, "[CategoricalFeature()]", "[DenseFeature()]", "[CategoricalFeature(\"x\", 3)]"))),
        new("data-sized feature without a width", "PLE0045", _ => true, (_, d) => d.Features.Add("[CategoricalFeature(\"x\")]")),
        new("embedding width given twice", "PLE0044", _ => true, (_, d) => d.Features.Add("[CategoricalFeature(\"x\", 10, 4, EmbeddingDim = 8)]")),
        new("malformed task arguments", null, _ => true, (r, d) =>
            d.Tasks[0] = (d.Tasks[0].Name, RandomDeclaration.Pick(r,
                $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name)}, TaskKind.Binary, Tower = [32,)]",
                $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name)}, TaskKind.Binary, LossWeight = )]",
                $"[Task({RandomDeclaration.Quote(d.Tasks[0].Name)}, TaskKind.Nope)]"))),
        new("unknown task", "PLE0019", d => d.HasTaskExperts, (_, d) => d.ExpertAttributes.Add("[TaskExperts(Task = \"no_such_task\", Count = 1)]")),
        new("level out of range", "PLE0020", _ => true, (r, d) => d.ExpertAttributes.Add($"[SharedExperts(Level = {RandomDeclaration.Pick(r, d.Levels, d.Levels + 5, -2)}, Count = 1)]")),
        new("width mismatch", "PLE0021", d => d.HasTaskExperts, (_, d) =>
        {
            d.ExpertAttributes.Clear();
            d.ExpertAttributes.Add($"[SharedExperts(Count = 1, Units = [{d.Width}])]");
            d.ExpertAttributes.Add($"[TaskExperts(Count = 1, Units = [{d.Width + 1}])]");
        }),
        new("duplicate scope", "PLE0022", _ => true, (_, d) => d.ExpertAttributes.Add(d.ExpertAttributes[0])),
        new("task group is the model", "PLE0023", _ => true, (_, d) => d.ModelArguments.Add($"TaskGroup = typeof({d.ClassName})")),
        new("empty units", "PLE0024", _ => true, (_, d) => d.ExpertAttributes[0] = "[SharedExperts(Units = [])]"),
        new("no subspaces", "PLE0038", d => d.IsSluice, (r, d) => SetModelArgument(d, "Subspaces", RandomDeclaration.Pick(r, "0", "-1", "int.MinValue"))),
        new("width that does not split", "PLE0039", d => d.IsSluice && d.Subspaces > 1, (_, d) => d.ExpertAttributes[0] = $"[SharedExperts(Units = [{d.Width + 1}])]"),
        new("layers of two widths", "PLE0040", d => d.IsSluice, (_, d) => d.ExpertAttributes[0] = $"[SharedExperts(Units = [{d.Width}, {2 * d.Width}])]"),
        new("sluice self-weight out of range", "PLE0041", d => d.IsSluice, (r, d) => SetModelArgument(d, "SelfWeight", RandomDeclaration.Pick(r, "-0.5", "1.5", "double.NaN"))),
        new("orthogonality weight out of range", "PLE0042", d => d.IsSluice, (r, d) =>
            SetModelArgument(d, "OrthogonalityWeight", RandomDeclaration.Pick(r, "-1", "double.NaN", "double.PositiveInfinity", "1e300"))),
        new("orthogonality weight without subspaces", "PLE0043", d => d.IsSluice, (_, d) =>
        {
            SetModelArgument(d, "Subspaces", "1");
            SetModelArgument(d, "OrthogonalityWeight", "0.1");
        }),
    };

    private static void SetModelArgument(RandomDeclaration d, string name, string value)
    {
        d.ModelArguments.RemoveAll(a => a.StartsWith(name + " ", StringComparison.Ordinal));
        d.ModelArguments.Add($"{name} = {value}");
    }

    private static void SetLevels(RandomDeclaration d, int levels)
    {
        d.ModelArguments.RemoveAll(a => a.StartsWith("Levels", StringComparison.Ordinal));
        d.ModelArguments.Add("Levels = " + levels);
    }
}
