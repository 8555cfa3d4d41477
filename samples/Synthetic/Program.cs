using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using PleGen.Samples.Cli;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;
using PleGen.Samples.SyntheticSample;
using Spectre.Console;

var options = new SampleOptions(SyntheticExperimentOptions.DefaultTraining, [.. SyntheticCandidates.All.Select(c => c.Name)]);
var correlations = new Option<double[]>("--correlations")
{
    Description = $"Task correlations p to run, comma or space separated, each in [-1, 1] (the paper's: {string.Join(",", SyntheticExperimentOptions.PaperCorrelations.Select(p => p.ToString(CultureInfo.InvariantCulture)))}).",
    DefaultValueFactory = _ => SyntheticExperimentOptions.DefaultCorrelations.ToArray(),
    AllowMultipleArgumentsPerToken = true,
    CustomParser = ParseCorrelations,
};
var samples = NumericOption.WholeNumber("--samples",
    $"Samples generated per correlation, split 80/10/10 into training, validation and test (the paper used {SyntheticExperimentOptions.PaperSamples:N0}; the default {SyntheticExperimentOptions.DefaultSamples:N0} with the default correlations and seeds fits the whole run in about 3 minutes on 2 cores).",
    SyntheticExperimentOptions.DefaultSamples);
var dataSeed = NumericOption.Seed("--data-seed", "Seed of the data generator: directions u1/u2, sine parameters and samples.", 2020UL);

var root = new RootCommand(
    "PLE paper, section 5.2.1: two synthetic regression tasks of controlled correlation p. Trains " +
    $"{string.Join(", ", SyntheticCandidates.All.Select(c => c.Name))} at every p on the same data and reports test MSE, MTL gain " +
    "(single-task MSE minus multi-task MSE, so positive is better) and parameter counts as a table, results/synthetic.json, " +
    "results/synthetic.md, one SVG chart of the MTL gain per task and one seesaw chart per p (synthetic-seesaw-p0.5.svg).");
options.AddTo(root);
root.Options.Add(correlations);
root.Options.Add(samples);
root.Options.Add(dataSeed);
root.SetAction(parse => Run(parse));
return SampleCommandLine.Invoke(root, args);

int Run(ParseResult parse)
{
    SyntheticExperimentOptions experiment;
    IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> models;
    string folder;
    try
    {
        experiment = new SyntheticExperimentOptions
        {
            Correlations = parse.GetValue(correlations)!,
            Samples = parse.GetValue(samples),
            DataSeed = parse.GetValue(dataSeed),
            Training = options.Settings(parse),
        };
        experiment.Validate();
        models = options.SelectModels(parse, SyntheticCandidates.All);
        folder = OutputFolder.Prepare(parse.GetValue(options.Output)!.FullName);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return ExitCodes.Usage;
    }

    options.ApplyThreads(parse);
    string commandLine = CommandLineText.For("Synthetic", args);
    var console = new RunConsole([.. SyntheticExperiment.TaskMetrics.Keys], parse.GetValue(options.Quiet));
    var results = new ExperimentResults(SyntheticExperiment.TaskMetrics, SyntheticCandidates.SingleTask);
    ParameterBudget budget = ParameterBudget.For(SyntheticCandidates.All, models, SyntheticCandidates.SingleTask);
    if (options.AddedBaselineNote(parse) is { } note)
    {
        console.Info(note);
    }

    console.Info($"Synthetic experiment: correlations {string.Join(", ", experiment.Correlations.Select(p => p.ToString(CultureInfo.InvariantCulture)))}; {experiment.Training}.");
    return ExperimentSession.Run(
        console,
        results,
        budget,
        SyntheticExperiment.TotalRuns(experiment, models),
        (observer, cancellation) => SyntheticExperiment.Run(experiment, models, results, observer, cancellation),
        table => SyntheticReport.PleVersusMmoe(table).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"p = {c.Correlation}: {c.Task} PLE gain {c.Ple:+0.0000;-0.0000} vs MMoE {c.Mmoe:+0.0000;-0.0000} {(c.Ple >= c.Mmoe ? "(PLE >= MMoE)" : "(PLE < MMoE)")}")),
        outcome => SyntheticReport.Files(folder, results, experiment, budget, commandLine, outcome),
        SyntheticExperimentOptions.LargerRuns.SelectMany(run => new[] { run.Description, "  " + run.Command }));
}

static double[] ParseCorrelations(ArgumentResult result)
{
    var values = new List<double>();
    foreach (string part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
    {
        if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || !(p >= -1 && p <= 1))
        {
            result.AddError($"--correlations: '{part}' is not a number in [-1, 1].");
            return [];
        }

        values.Add(p);
    }

    if (values.Count == 0)
    {
        result.AddError("--correlations needs at least one value in [-1, 1].");
    }

    return values.ToArray();
}
