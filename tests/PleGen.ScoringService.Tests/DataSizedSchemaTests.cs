using System;
using System.Linq;
using PleGen.Samples.ScoringService;
using Xunit;

namespace PleGen.ScoringService.Tests;

// A shop whose "city" takes its cardinality from the data.
[Task("purchase", TaskKind.Binary, Tower = [4])]
[Task("spend", TaskKind.Regression, Tower = [4])]
[DenseFeature("price")]
[CategoricalFeature("city", EmbeddingDim = 3)]
[MmoeModel]
[SharedExperts(Count = 2, Units = [4])]
public partial class SizedShop
{
}

/// <summary>A model sized by its data is served with the cardinalities its instance was built with.</summary>
public sealed class DataSizedSchemaTests
{
    [Fact]
    public void The_schema_of_an_instance_has_its_cardinalities_parameter_count_and_modules()
    {
        var model = new SizedShop(new SizedShop.FeatureCardinalities(city: 9));

        ModelSchema schema = ModelSchema.Of(model);

        Assert.Equal([new FeatureSchema("price", false, 1, 0, 0), new FeatureSchema("city", true, 1, 9, 3)], schema.Features);
        Assert.Equal(model.Parameters.Sum(p => (long)p.Tensor.Length), schema.TotalParameters);
        Assert.Equal(9, schema.Modules.Single(m => m.Name == "embeddings.city").InputWidth);
    }

    [Fact]
    public void The_type_alone_cannot_say_them_and_says_what_to_do()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelSchema.Of(typeof(SizedShop)));

        Assert.Contains("categorical feature 'city' takes its cardinality from the data", error.Message);
        Assert.Contains("ModelSchema.Of(model)", error.Message);
    }
}
