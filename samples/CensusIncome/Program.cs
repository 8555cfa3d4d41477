using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PleGen.Samples.Census;
using PleGen.Samples.CensusSample;
using PleGen.Samples.Cli;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;
using PleGen.Runtime.Data;

var options = new SampleOptions(CensusExperiment.DefaultTraining, [.. CensusCandidates.All.Select(c => c.Name)]);
var dataFile = new Option<FileInfo>("--data")
{
    Description = $"One Census-Income (KDD) file (plain or .gz), split {SplitFractions.Default}. Default: {CensusDataSource.DefaultRelativePath} relative to the repository root.",
};
var trainFile = new Option<FileInfo>("--train")
{
    Description = "UCI's training file (census-income.data[.gz]); goes with --test. 15 % of it is held out for validation.",
};
var testFile = new Option<FileInfo>("--test")
{
    Description = "UCI's test file (census-income.test[.gz]); goes with --train.",
};
var skipBadRows = new Option<bool>("--skip-bad-rows")
{
    Description = "Skip malformed rows and report how many (with the first line numbers) instead of stopping at the first one.",
};
var splitSeed = NumericOption.Seed("--split-seed", "Seed of the train/validation/test split.", 2020UL);

var root = new RootCommand(
    "PLE paper, section 5.2.1, on the UCI Census-Income (KDD) data: tasks income > 50K and never married. Trains " +
    $"{string.Join(", ", CensusCandidates.All.Select(c => c.Name))} once per seed with early stopping on validation, and reports test AUC (mean ± std) with " +
    "MTL gain vs single-task and parameter counts as a table, results/census.json, results/census.md and SVG charts (AUC, MTL gain, the seesaw picture, " +
    "expert utilization of CGC and PLE, training curves).");
options.AddTo(root);
foreach (Option option in new Option[] { dataFile, trainFile, testFile, skipBadRows, splitSeed })
{
    root.Options.Add(option);
}

root.SetAction(parse => Run(parse));
return SampleCommandLine.Invoke(root, args);

int Run(ParseResult parse)
{
    TrainingSettings training;
    CensusData data;
    IReadOnlyList<ModelFlavors<CensusTasks.Dataset>> models;
    string folder;
    var console = new RunConsole([.. CensusExperiment.TaskMetrics.Keys], parse.GetValue(options.Quiet));
    try
    {
        training = options.Settings(parse);
        models = options.SelectModels(parse, CensusCandidates.All);
        CensusDataSource source = CensusDataSource.Resolve(parse.GetValue(dataFile)?.FullName, parse.GetValue(trainFile)?.FullName, parse.GetValue(testFile)?.FullName);
        console.Info($"Reading {source} ...");
        data = source.Load(new CensusPipelineOptions { Seed = parse.GetValue(splitSeed) }, new CensusReadOptions { SkipBadRows = parse.GetValue(skipBadRows) });
        CensusExperiment.CheckDeclarations(data.Schema);
        folder = OutputFolder.Prepare(parse.GetValue(options.Output)!.FullName);
    }
    catch (Exception e) when (e is ArgumentException or IOException or FormatException or SchemaMismatchException)
    {
        // Missing file, malformed row (with its line number), bad option or a declaration that does not fit the data: one clear message.
        Console.Error.WriteLine(e.Message);
        return ExitCodes.Usage;
    }

    foreach (CensusBadRows bad in data.BadRows.Where(b => b.Count > 0))
    {
        console.Info(bad.ToString());
    }

    if (options.AddedBaselineNote(parse) is { } note)
    {
        console.Info(note);
    }

    console.Info(string.Create(CultureInfo.InvariantCulture,
        $"{data.Description}: {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test rows; {training}."));
    options.ApplyThreads(parse);
    string commandLine = CommandLineText.For("CensusIncome", args);
    var results = new ExperimentResults(CensusExperiment.TaskMetrics, CensusCandidates.SingleTask);
    ParameterBudget budget = ParameterBudget.For(CensusCandidates.All, models, CensusCandidates.SingleTask);
    return ExperimentSession.Run(
        console,
        results,
        budget,
        models.Count * training.Seeds.Count,
        (observer, cancellation) => CensusExperiment.Run(data, training, models, results, observer, cancellation),
        table => CensusReport.GoalChecks(table).Select(c => $"{(c.Holds ? "yes" : "NO ")}  {c.Claim}"),
        outcome => CensusReport.Files(folder, results, data, training, budget, commandLine, outcome));
}
