using System;
using System.CommandLine;
using System.Linq;
using PleGen.Samples.Cli;
using PleGen.Samples.Experiments;
using Xunit;

namespace PleGen.Samples.Tests.Experiments;

/// <summary>The shared command-line options and the recorded command line.</summary>
public sealed class CliTests
{
    private static readonly string[] Models = ["Single", "MMoE", "PLE"];

    [Fact]
    public void Options_default_to_the_sample_settings_and_read_what_is_given()
    {
        var options = new SampleOptions(new TrainingSettings { Epochs = 7, BatchSize = 64, LearningRate = 0.01, Seeds = [1, 2] }, Models);
        var root = new RootCommand();
        options.AddTo(root);

        TrainingSettings defaults = options.Settings(root.Parse([]));
        TrainingSettings given = options.Settings(root.Parse(["--epochs", "3", "--optimizer", "Sgd", "--seeds", "5", "--lr", "0.5", "--patience", "0", "--backend", "TorchSharp"]));

        Assert.Equal((7, 64, 0.01, OptimizerKind.Adam), (defaults.Epochs, defaults.BatchSize, defaults.LearningRate, defaults.Optimizer));
        Assert.Equal([1UL, 2UL], defaults.Seeds);
        Assert.Equal((3, OptimizerKind.Sgd, 0.5, 0), (given.Epochs, given.Optimizer, given.LearningRate, given.Patience));
        Assert.Equal((Backend.Managed, Backend.TorchSharp), (defaults.Backend, given.Backend));
        Assert.Equal(Backend.TorchSharp, options.Settings(root.Parse(["--backend", "torchsharp"])).Backend);
        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], given.Seeds);
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1")]
    [InlineData("--batch-size", "-3", "--batch-size must be at least 1")]
    [InlineData("--seeds", "0", "--seeds must be at least 1")]
    [InlineData("--patience", "-1", "--patience must be 0 or more")]
    [InlineData("--threads", "-2", "--threads must be 0 or more")]
    [InlineData("--lr", "0", "--lr must be a positive number")]
    [InlineData("--optimizer", "Lion", "Lion")]
    [InlineData("--backend", "onnx", "--backend: 'onnx' is not a backend; use managed or torchsharp.")]
    [InlineData("--models", "PLE,XGBoost", "--models: 'XGBoost' is not a model name; this sample trains Single, MMoE, PLE (the paper's comparison also names")]
    [InlineData("--models", "PLE,OMoE", "--models: 'OMoE' is a model of the paper's comparison, but this sample does not declare it (yet); this sample trains Single, MMoE, PLE.")]
    [InlineData("--epochs", "abc", "--epochs must be a whole number of at least 1, got 'abc'.")]
    [InlineData("--epochs", "2.5", "--epochs must be a whole number of at least 1, got '2.5'.")]
    [InlineData("--epochs", "99999999999", "--epochs must be at most 2147483647, got '99999999999'.")]
    [InlineData("--batch-size", "x", "--batch-size must be a whole number of at least 1, got 'x'.")]
    [InlineData("--seeds", "five", "--seeds must be a whole number of at least 1, got 'five'.")]
    [InlineData("--patience", "none", "--patience must be a whole number, 0 or more, got 'none'.")]
    [InlineData("--threads", "all", "--threads must be a whole number, 0 or more, got 'all'.")]
    [InlineData("--lr", "abc", "--lr must be a positive number, got 'abc'.")]
    [InlineData("--lr", "1,5", "--lr must be a positive number, got '1,5'.")]
    public void Bad_values_and_values_that_are_not_numbers_are_one_parse_error_naming_the_option_and_the_value(string option, string value, string message)
    {
        var options = new SampleOptions(new TrainingSettings(), Models);
        var root = new RootCommand();
        options.AddTo(root);

        ParseResult result = root.Parse([option, value]);

        // One error, not an exception: a validator reading a value that failed to parse used to throw (exit 134).
        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_parse_with_the_invariant_culture_whatever_the_current_culture()
    {
        var options = new SampleOptions(new TrainingSettings(), Models);
        var root = new RootCommand();
        options.AddTo(root);
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(0.005, options.Settings(root.Parse(["--lr", "0.005"])).LearningRate);
            Assert.Equal(1e-3, options.Settings(root.Parse(["--lr", "1e-3"])).LearningRate);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Models_are_selected_in_the_sample_order_whatever_the_spelling()
    {
        var (options, root, candidates) = Selection();

        Assert.Equal(Models, options.SelectModels(root.Parse([]), candidates).Select(c => c.Name));
        Assert.Equal(["Single", "PLE"], options.SelectModels(root.Parse(["--models", "ple,single"]), candidates).Select(c => c.Name));
        Assert.Equal(["Single", "MMoE", "PLE"], options.SelectModels(root.Parse(["--models", "PLE", "MMoE"]), candidates).Select(c => c.Name));
    }

    [Fact]
    public void The_single_task_baseline_trains_with_any_selection_and_a_line_says_so_when_it_was_not_named()
    {
        var (options, root, candidates) = Selection();

        ParseResult unnamed = root.Parse(["--models", "PLE"]);
        Assert.Equal(["Single", "PLE"], options.SelectModels(unnamed, candidates).Select(c => c.Name));
        Assert.Equal("--models: Single trains too, as the baseline: the MTL gains and the seesaw picture are measured against it.", options.AddedBaselineNote(unnamed));
        Assert.Null(options.AddedBaselineNote(root.Parse(["--models", "single,PLE"])));
        Assert.Null(options.AddedBaselineNote(root.Parse([]))); // the default trains every model
        Assert.Equal(["Single"], options.SelectModels(root.Parse(["--models", "Single"]), candidates).Select(c => c.Name));
        // Nothing named selects nothing, not the baseline alone.
        Assert.Contains("selects no model", Assert.Throws<ArgumentException>(() => options.SelectModels(root.Parse(["--models", ","]), candidates)).Message);
        Assert.Throws<ArgumentException>(() => new SampleOptions(new TrainingSettings(), []));
    }

    // The options of a sample training Models, its root command, and candidates under those names that never start.
    private static (SampleOptions Options, RootCommand Root, ModelFlavors<string>[] Candidates) Selection()
    {
        var options = new SampleOptions(new TrainingSettings(), Models);
        var root = new RootCommand();
        options.AddTo(root);
        return (options, root, Models.Select(m => new ModelFlavors<string>(m, (_, _, _) => throw new NotSupportedException())).ToArray());
    }

    [Fact]
    public void Every_option_has_a_description()
    {
        var root = new RootCommand();
        new SampleOptions(new TrainingSettings(), Models).AddTo(root);

        Assert.All(root.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), o.Name));
    }

    [Fact]
    public void The_command_line_repeats_the_run_in_a_shell()
    {
        Assert.Equal("dotnet run -c Release --project samples/Synthetic", CommandLineText.For("Synthetic", []));
        Assert.Equal("dotnet run -c Release --project samples/CensusIncome -- --data '/tmp/my data.gz' --seeds 5 --lr 1e-3",
            CommandLineText.For("CensusIncome", ["--data", "/tmp/my data.gz", "--seeds", "5", "--lr", "1e-3"]));
        Assert.Equal("dotnet run -c Release --project samples/X -- 'it'\\''s' ''", CommandLineText.For("X", ["it's", ""]));
    }
}
