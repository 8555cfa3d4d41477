using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>
/// Declarations whose names meet inside generated code (see ClashingNameModels.cs) compile, keep every module
/// apart, and train end to end: a mix-up of two same-named fields would leave some parameter without a gradient
/// or give two modules one tensor.
/// </summary>
public sealed class ClashingNameTests
{
    private const int Rows = 8;

    [Fact]
    public void A_task_named_shared_and_digit_suffixed_tasks_keep_their_own_modules()
    {
        var model = new ClashingNamesPle(3);
        AssertParametersMatchTheArchitecture(model, ClashingNamesPle.Architecture.Modules, ClashingNamesPle.Architecture.TotalParameters);

        var names = model.Parameters.Select(p => p.Name).ToList();
        Assert.Contains("levels.0.shared.0.layers.0.weight", names);
        Assert.Contains("levels.0.tasks.shared.0.layers.0.weight", names);
        Assert.Contains("gates.a.10.weight", names);
        Assert.Contains("gates.a1.0.weight", names);

        var batch = new ClashingNamesPle.Batch(Floats(Rows * 2, 1), Floats(Rows, 2), Ids(Rows, 3), Ids(Rows, 5));
        ClashingNamesPle.Output output = model.Forward(batch);
        Assert.Equal(new[] { Rows, 1 }, output.SharedProbability.Shape);
        Assert.Equal(new[] { Rows, 1 }, output.A1.Shape);

        var labels = new ClashingNamesPle.Labels(Binary(Rows), Binary(Rows), Floats(Rows, 4), Binary(Rows), a1Mask: Binary(Rows), @intMask: Ones(Rows));
        ClashingNamesPle.Losses losses = model.Loss(output, labels);
        losses.Total.Backward();
        AssertEveryParameterHasAGradient(model);
    }

    [Fact]
    public void The_dataset_constructor_renames_only_the_labels_a_feature_already_named()
    {
        // Features keep their names; task "a" (taken by feature "a") becomes aLabels, task "int" intLabels, and the
        // mask of "a1" (taken by feature "a1_mask") a1LabelsMask. Named arguments make this a compile-time check.
        var data = new ClashingNamesPle.Dataset(
            a: Floats(Rows * 2, 5),
            @int: Floats(Rows, 6),
            a1Mask: Ids(Rows, 3),
            @double: Ids(Rows, 5),
            shared: Binary(Rows),
            aLabels: Binary(Rows),
            a1: Floats(Rows, 7),
            intLabels: Binary(Rows),
            a1LabelsMask: Ones(Rows),
            @intMask: null);

        Assert.Equal(Rows, data.Count);
        Assert.Equal(Binary(Rows), data.ALabels);
        Assert.Equal(Ones(Rows), data.A1Mask);
        Assert.Null(data.IntMask);
        Assert.Equal(new[] { 3, 2 }, data.Features(new[] { 0, 1, 2 }).A.Shape);
    }

    [Fact]
    public void Per_task_embedding_tables_of_a_single_task_model_stay_apart()
    {
        var model = new ClashingEmbeddingsSingleTask(5);
        AssertParametersMatchTheArchitecture(model, ClashingEmbeddingsSingleTask.Architecture.Modules, ClashingEmbeddingsSingleTask.Architecture.TotalParameters);
        Assert.Equal(
            new[] { "embeddings.b_c.a.weight", "embeddings.b_c.a_b.weight", "embeddings.c.a.weight", "embeddings.c.a_b.weight" },
            model.Parameters.Select(p => p.Name).Where(n => n.StartsWith("embeddings.", StringComparison.Ordinal)).ToArray());

        ClashingEmbeddingsSingleTask.Output output = model.Forward(new ClashingEmbeddingsSingleTask.Batch(Ids(Rows, 3), Ids(Rows, 3)));
        model.Loss(output, new ClashingEmbeddingsSingleTask.Labels(Binary(Rows), Floats(Rows, 9))).Total.Backward();
        AssertEveryParameterHasAGradient(model);
    }

    private static void AssertParametersMatchTheArchitecture(IMultiTaskModel model, IReadOnlyList<ArchitectureModule> modules, long total)
    {
        Assert.Equal(total, model.Parameters.Sum(p => (long)p.Tensor.Length));
        Assert.Equal(model.Parameters.Count, model.Parameters.Select(p => p.Name).Distinct().Count());
        foreach (ArchitectureModule module in modules)
        {
            long owned = model.Parameters.Where(p => p.Name.StartsWith(module.Name + ".", StringComparison.Ordinal)).Sum(p => (long)p.Tensor.Length);
            Assert.True(owned == module.Parameters, $"module {module.Name} has {owned} parameters, the summary says {module.Parameters}");
        }
    }

    private static void AssertEveryParameterHasAGradient(IMultiTaskModel model)
    {
        foreach (NamedTensor parameter in model.Parameters)
        {
            bool reached = parameter.Tensor.HasGrad && Any(parameter.Tensor.Grad);
            Assert.True(reached, $"{parameter.Name} received no gradient");
        }
    }

    private static bool Any(Span<float> values)
    {
        foreach (float value in values)
        {
            if (value != 0f)
            {
                return true;
            }
        }

        return false;
    }

    private static float[] Floats(int count, ulong seed)
    {
        var values = new float[count];
        new RandomSource(seed).FillNormal(values, 0f, 1f);
        return values;
    }

    private static int[] Ids(int count, int cardinality) => Enumerable.Range(0, count).Select(i => i % cardinality).ToArray();

    private static float[] Binary(int count) => Enumerable.Range(0, count).Select(i => (float)(i % 2)).ToArray();

    private static float[] Ones(int count) => Enumerable.Repeat(1f, count).ToArray();
}
