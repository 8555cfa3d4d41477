using System.Linq;
using PleGen.Samples.Census;
using Xunit;

namespace PleGen.Samples.Tests.Census;

[Task("income", TaskKind.Binary)]
[Task("never_married", TaskKind.Binary)]
[DenseFeature("numeric", 7)]
[CategoricalFeature("education", 20, 4)]
[CategoricalFeature("sex", 2, 2)]
internal sealed partial class FittingTaskGroup
{
}

[CgcModel(TaskGroup = typeof(FittingTaskGroup))]
[DenseFeature("age")]
internal sealed class ModelOverGroup
{
}

[Task("income", TaskKind.Binary)]
[Task("churn", TaskKind.Binary)]
[DenseFeature("numeric", 6)]
[DenseFeature("height")]
[CategoricalFeature("education", 3, 4)]
[CategoricalFeature("marital_stat", 9, 4)]
internal sealed class MismatchedModel
{
}

internal sealed class NoFeatures
{
}

public sealed class CensusSchemaTests
{
    private static CensusSchema Schema()
    {
        using var dir = new TemporaryDirectory();
        string[] rows = Enumerable.Range(0, 40).Select(i => CensusLines.Row(20 + i, $"E{i % 5}", i % 2 == 0, i % 4 == 0)).ToArray();
        return CensusPipeline.Prepare(CensusReader.ReadTable(dir.WriteText("c.txt", CensusLines.File(rows))), new CensusPipelineOptions { Fractions = new(1, 0, 0) }).Schema;
    }

    [Fact]
    public void A_fitting_declaration_passes_including_the_task_group_it_points_at()
    {
        CensusSchema schema = Schema();
        Assert.Equal(6, schema.Vocabulary("education").Cardinality);
        Assert.Equal(2, schema.Vocabulary("sex").Cardinality);

        schema.CheckDeclaration(typeof(FittingTaskGroup));
        schema.CheckDeclaration(typeof(ModelOverGroup));
        schema.CheckCategorical("education", 6);
        schema.CheckDense("numeric", 7);
        schema.CheckDense("weeks_worked", 1);
    }

    [Fact]
    public void A_mismatched_declaration_lists_every_problem_with_what_to_declare()
    {
        var e = Assert.Throws<SchemaMismatchException>(() => Schema().CheckDeclaration(typeof(MismatchedModel)));

        Assert.Equal(5, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("'education' declares cardinality 3") && p.Contains("declare at least 6"));
        Assert.Contains(e.Problems, p => p.Contains("'marital_stat' is not a categorical census column"));
        Assert.Contains(e.Problems, p => p.Contains("'numeric' declares width 6") && p.Contains("declare width 7"));
        Assert.Contains(e.Problems, p => p.Contains("'height' is neither 'numeric'"));
        Assert.Contains(e.Problems, p => p.Contains("task 'churn' has no labels"));
        Assert.Contains("The declaration of MismatchedModel does not match the census data", e.Message);
    }

    [Fact]
    public void Single_checks_throw_with_both_numbers_and_a_declaration_without_features_is_reported()
    {
        CensusSchema schema = Schema();

        var small = Assert.Throws<SchemaMismatchException>(() => schema.CheckCategorical("education", 5));
        Assert.Contains("declares cardinality 5", small.Message);
        Assert.Contains("5 values plus id 0", small.Message);
        Assert.Contains("width 1", Assert.Throws<SchemaMismatchException>(() => schema.CheckDense("age", 2)).Message);
        Assert.Contains("declares no [DenseFeature] or [CategoricalFeature]", Assert.Throws<SchemaMismatchException>(() => schema.CheckDeclaration(typeof(NoFeatures))).Message);
    }
}
