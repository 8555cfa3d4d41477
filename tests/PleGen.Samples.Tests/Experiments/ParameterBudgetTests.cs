using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime.Models;
using PleGen.Samples.CensusSample;
using PleGen.Samples.Cli;
using PleGen.Samples.Experiments;
using PleGen.Samples.SyntheticSample;
using Xunit;

namespace PleGen.Samples.Tests.Experiments;

/// <summary>The budget rule, the samples' declared models against it, and the model tables behind --models.</summary>
public sealed class ParameterBudgetTests
{
    [Fact]
    public void Models_are_classified_against_a_band_around_the_reference_and_the_ones_outside_are_warned_about()
    {
        var budget = new ParameterBudget(
            [("SingleTask", 10), ("Small", 74), ("Edge", 75), ("PLE", 100), ("Big", 126), ("Unsized", null)],
            referenceParameters: 100);

        Assert.Equal((75L, 125L), budget.Band);
        Assert.Equal(
            [BudgetStatus.Exempt, BudgetStatus.Outside, BudgetStatus.Within, BudgetStatus.Reference, BudgetStatus.Outside, BudgetStatus.Unknown],
            budget.Entries.Select(e => e.Status));
        string[] warnings = budget.Warnings().ToArray();
        Assert.Equal(3, warnings.Length);
        Assert.StartsWith("WARNING: Small has 74 parameters, 74 % of PLE's: outside the ±25 % budget", warnings[0]);
        Assert.StartsWith("WARNING: Big has 126 parameters", warnings[1]);
        Assert.Contains("Unsized's parameter count is unknown", warnings[2]);
        Assert.Equal("Budget: every multi-task model within ±25 % of PLE's 100 parameters (75 to 125); the single-task baseline is exempt.", budget.Rule);
        Assert.Contains("| Small | 74 | 74 % | NO |", budget.Markdown());
        Assert.Equal("outside", budget.ToJson()["models"]!.AsArray()[1]!["status"]!.GetValue<string>());
        Assert.Contains("no PLE model", Assert.Single(new ParameterBudget([("A", 1)], null).Warnings()));
    }

    [Fact]
    public void The_band_comes_from_the_whole_table_when_models_leaves_out_the_reference()
    {
        IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> selected = SyntheticCandidates.All.Where(c => c.Name is "SingleTask" or "MMoE").ToArray();

        ParameterBudget budget = ParameterBudget.For(SyntheticCandidates.All, selected, SyntheticCandidates.SingleTask);

        Assert.Equal(SyntheticPle.Architecture.TotalParameters, budget.ReferenceParameters);
        Assert.Equal(["SingleTask", "MMoE"], budget.Entries.Select(e => e.Model));
        Assert.Null(budget.ParametersOf("PLE"));
    }

    [Fact]
    public void Every_declared_model_of_both_samples_keeps_the_budget_and_its_count_is_its_parameter_tensors()
    {
        AssertBudget(SyntheticCandidates.All, SyntheticCandidates.SingleTask, seed => SyntheticCandidates.All.Select(c => (c.Name, Model(c.ModelType!, seed))).ToArray());
        AssertBudget(CensusCandidates.All, CensusCandidates.SingleTask, seed => CensusCandidates.All.Select(c => (c.Name, Model(c.ModelType!, seed))).ToArray());
    }

    [Fact]
    public void Both_model_tables_follow_the_papers_order_and_every_name_is_one_of_the_paper()
    {
        foreach (IReadOnlyList<string> names in new[] { SyntheticCandidates.All.Select(c => c.Name).ToArray(), CensusCandidates.All.Select(c => c.Name).ToArray() })
        {
            Assert.All(names, n => Assert.Contains(n, PaperModels.Names));
            int[] positions = names.Select(n => PaperModels.Names.ToList().IndexOf(n)).ToArray();
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(PaperModels.Names[0], names[0]); // the single-task baseline first: MTL gains need it
        }
    }

    [Fact]
    public void Both_samples_declare_all_eleven_models_of_the_paper()
    {
        foreach (string[] names in new[] { SyntheticCandidates.All.Select(c => c.Name).ToArray(), CensusCandidates.All.Select(c => c.Name).ToArray() })
        {
            Assert.Equal(PaperModels.Names, names);
            Assert.All(names, n => Assert.Null(SampleOptions.UnknownModel(n.ToUpperInvariant(), names)));
            Assert.Equal($"--models: 'XGBoost' is not a model name; this sample trains {string.Join(", ", PaperModels.Names)}.", SampleOptions.UnknownModel("XGBoost", names));
        }
    }

    [Fact]
    public void An_unknown_model_name_is_refused_listing_the_names_the_sample_trains()
    {
        string[] trains = ["SingleTask", "MMoE", "PLE"];

        Assert.Null(SampleOptions.UnknownModel("ple", trains));
        Assert.Equal("--models: 'Sluice' is a model of the paper's comparison, but this sample does not declare it (yet); this sample trains SingleTask, MMoE, PLE.",
            SampleOptions.UnknownModel("Sluice", trains));
        string unknown = SampleOptions.UnknownModel("XGBoost", trains)!;
        Assert.StartsWith("--models: 'XGBoost' is not a model name; this sample trains SingleTask, MMoE, PLE (the paper's comparison also names SharedBottom, ", unknown);
        Assert.EndsWith("MultiLevelMmoe, CGC).", unknown);
    }

    private static void AssertBudget<TDataset>(IReadOnlyList<ModelFlavors<TDataset>> all, string singleTask, Func<ulong, (string Name, IMultiTaskModel Model)[]> models)
        where TDataset : class
    {
        ParameterBudget budget = ParameterBudget.For(all, all, singleTask);
        Assert.Empty(budget.Warnings());
        Assert.Contains(budget.Entries, e => e.Status == BudgetStatus.Reference);
        foreach ((string name, IMultiTaskModel model) in models(1))
        {
            // The generator's compile-time count is what the built model holds.
            Assert.Equal(budget.ParametersOf(name), model.Parameters.Sum(p => (long)p.Tensor.Length));
        }
    }

    private static IMultiTaskModel Model(Type type, ulong seed) => (IMultiTaskModel)Activator.CreateInstance(type, seed)!;
}
