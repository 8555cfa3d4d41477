using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Interop;
using PleGen.Runtime.Kernels;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.Cli;

/// <summary>
/// The command-line options both samples share: how to train (epochs, batch size, learning rate, optimizer,
/// patience, seeds), how many threads the kernels use, where reports go and how much to print.
/// </summary>
public sealed class SampleOptions
{
    /// <summary>Creates the options with a sample's defaults.</summary>
    public SampleOptions(TrainingSettings defaults, IReadOnlyList<string> models, string defaultOutput = "results")
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("A sample needs at least one model, its single-task baseline first.", nameof(models));
        }

        AllModels = models;
        Models = new Option<string[]>("--models")
        {
            Description = $"The models to train, comma or space separated (default all: {string.Join(", ", models)}). {models[0]} is trained too when not named: " +
                "the MTL gains and the seesaw picture are measured against it. Names of the PLE paper's comparison this sample does not declare are refused, saying so.",
            DefaultValueFactory = _ => models.ToArray(),
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result =>
            {
                string[] names = TypedNames(result.Tokens);
                foreach (string name in names)
                {
                    if (UnknownModel(name, models) is { } error)
                    {
                        result.AddError(error);
                    }
                }

                // Canonical spelling and the sample's order, whatever order was typed; the baseline with any selection.
                return models.Where(m => names.Contains(m, StringComparer.OrdinalIgnoreCase) || (m == Baseline && names.Length > 0)).ToArray();
            },
        };
        Epochs = NumericOption.WholeNumber("--epochs", "Maximum epochs per training run; early stopping may end a run sooner (see --patience).", defaults.Epochs, minimum: 1);
        BatchSize = NumericOption.WholeNumber("--batch-size", "Samples per mini-batch.", defaults.BatchSize, minimum: 1);
        LearningRate = NumericOption.PositiveNumber("--lr", "Learning rate of the optimizer (a positive number such as 0.001 or 1e-3).", defaults.LearningRate);
        Optimizer = new Option<OptimizerKind>("--optimizer")
        {
            Description = "Optimizer: Adam, AdamW (weight decay 0.01), Sgd (momentum 0.9) or Adagrad.",
            DefaultValueFactory = _ => defaults.Optimizer,
        };
        Patience = NumericOption.WholeNumber("--patience", "Stop a run after this many epochs without improvement of the mean validation metric over the tasks, and keep its best epoch; 0 trains every epoch.", defaults.Patience, minimum: 0);
        Seeds = NumericOption.WholeNumber("--seeds", "Number of seeds: every model is trained once per seed (1, 2, ...); results report mean and std over seeds.", defaults.Seeds.Count, minimum: 1);
        Backend = new Option<Backend>("--backend")
        {
            Description = "Which flavor of the generated models trains: managed (PleGen's engine) or torchsharp (the generated TorchSharpModel on libtorch, CPU).",
            DefaultValueFactory = _ => defaults.Backend,
            CustomParser = result =>
            {
                string value = result.Tokens.Count == 0 ? "managed" : result.Tokens[^1].Value;
                if (Enum.TryParse(value, ignoreCase: true, out Backend backend) && Enum.IsDefined(backend))
                {
                    return backend;
                }

                result.AddError($"--backend: '{value}' is not a backend; use managed or torchsharp.");
                return defaults.Backend;
            },
        };
        Threads = NumericOption.WholeNumber("--threads", "Threads for the matrix kernels (and libtorch's, with --backend torchsharp); 0 uses every core.", 0, minimum: 0);
        Output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the reports (JSON, Markdown, SVG charts); created if missing, files replaced atomically.",
            DefaultValueFactory = _ => new DirectoryInfo(defaultOutput),
        };
        Quiet = new Option<bool>("--quiet")
        {
            Description = "No live progress display: print one log line per finished run, then the table.",
        };
    }

    /// <summary>--models.</summary>
    public Option<string[]> Models { get; }

    /// <summary>Every model the sample can train, in its order.</summary>
    public IReadOnlyList<string> AllModels { get; }

    /// <summary>The single-task baseline (the first of <see cref="AllModels"/>): every selection trains it, as the MTL gains and the seesaw need it.</summary>
    public string Baseline => AllModels[0];

    /// <summary>--epochs.</summary>
    public Option<int> Epochs { get; }

    /// <summary>--batch-size.</summary>
    public Option<int> BatchSize { get; }

    /// <summary>--lr.</summary>
    public Option<double> LearningRate { get; }

    /// <summary>--optimizer.</summary>
    public Option<OptimizerKind> Optimizer { get; }

    /// <summary>--patience.</summary>
    public Option<int> Patience { get; }

    /// <summary>--seeds.</summary>
    public Option<int> Seeds { get; }

    /// <summary>--backend.</summary>
    public Option<Backend> Backend { get; }

    /// <summary>--threads.</summary>
    public Option<int> Threads { get; }

    /// <summary>--out.</summary>
    public Option<DirectoryInfo> Output { get; }

    /// <summary>--quiet.</summary>
    public Option<bool> Quiet { get; }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in new Option[] { Models, Epochs, BatchSize, LearningRate, Optimizer, Patience, Seeds, Backend, Threads, Output, Quiet })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The training settings the command line asks for.</summary>
    public TrainingSettings Settings(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = new TrainingSettings
        {
            Epochs = result.GetValue(Epochs),
            BatchSize = result.GetValue(BatchSize),
            LearningRate = result.GetValue(LearningRate),
            Optimizer = result.GetValue(Optimizer),
            Patience = result.GetValue(Patience),
            Backend = result.GetValue(Backend),
            Seeds = Enumerable.Range(1, result.GetValue(Seeds)).Select(s => (ulong)s).ToArray(),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Null when <paramref name="name"/> is one of <paramref name="models"/> (any letter case); otherwise the error: a name of
    /// the paper's comparison (<see cref="PaperModels.Names"/>) this sample does not declare is said to be one, anything else
    /// is an unknown name, and both list the names this sample trains.
    /// </summary>
    public static string? UnknownModel(string name, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        string known = string.Join(", ", models);
        string[] others = PaperModels.Names.Where(n => !models.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
        return PaperModels.Contains(name)
            ? $"--models: '{name}' is a model of the paper's comparison, but this sample does not declare it (yet); this sample trains {known}."
            : $"--models: '{name}' is not a model name; this sample trains {known}" + (others.Length == 0 ? "." : $" (the paper's comparison also names {string.Join(", ", others)}).");
    }

    /// <summary>The candidates --models selects, in the sample's order.</summary>
    public IReadOnlyList<ModelFlavors<TData>> SelectModels<TData>(ParseResult result, IReadOnlyList<ModelFlavors<TData>> candidates)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(candidates);
        string[] names = result.GetValue(Models) ?? [];
        ModelFlavors<TData>[] selected = candidates.Where(c => names.Contains(c.Name)).ToArray();
        return selected.Length > 0 ? selected : throw new ArgumentException($"--models selects no model; use some of {string.Join(", ", AllModels)}.");
    }

    /// <summary>
    /// The line saying that <see cref="Baseline"/> trains although --models did not name it; null when it was named or
    /// --models was not given (the default trains every model).
    /// </summary>
    public string? AddedBaselineNote(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(Models) is not { Implicit: false } given)
        {
            return null;
        }

        return TypedNames(given.Tokens).Contains(Baseline, StringComparer.OrdinalIgnoreCase) ? null : $"--models: {Baseline} trains too, as the baseline: the MTL gains and the seesaw picture are measured against it.";
    }

    /// <summary>The names as typed after --models, comma or space separated.</summary>
    private static string[] TypedNames(IEnumerable<System.CommandLine.Parsing.Token> tokens) =>
        tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    /// <summary>Applies --threads to the engine's kernels, and with --backend torchsharp to libtorch's intra-op pool.</summary>
    public void ApplyThreads(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int threads = result.GetValue(Threads);
        KernelSettings.MaxDegreeOfParallelism = threads == 0 ? Environment.ProcessorCount : threads;
        if (result.GetValue(Backend) == Experiments.Backend.TorchSharp)
        {
            // Checked first, so a libtorch that cannot load is one clear message (see LibTorchLoadCheck).
            PleGen.Runtime.Interop.LibTorchLoadCheck.Ensure(typeof(TorchSharp.torch).Assembly);
            TorchSharp.torch.set_num_threads(KernelSettings.MaxDegreeOfParallelism);
        }
    }
}
