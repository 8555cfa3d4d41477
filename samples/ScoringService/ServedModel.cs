using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System;
using Microsoft.Extensions.Logging;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Data;
using PleGen.Runtime.Models;

namespace PleGen.Samples.ScoringService;

/// <summary>The service could not start: the checkpoint or preprocessing file is missing, damaged or belongs to another model.</summary>
public sealed class ScoringStartupException : Exception
{
    /// <summary>A start-up failure explained by <paramref name="message"/>.</summary>
    public ScoringStartupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// What the service serves, built once before it listens and shared (read-only) by every request: the backend, the
/// request reader for its features, and the facts <c>GET /model</c> reports. Made by <see cref="Load"/>.
/// </summary>
/// <param name="Backend">The engine scoring the rows.</param>
/// <param name="Reader">Checks and encodes request bodies.</param>
/// <param name="CheckpointSha256">SHA-256 of the checkpoint file (hex): the served model's version.</param>
/// <param name="PreprocessingPath">The preprocessing file raw values go through, or null when rows carry encoded values.</param>
/// <param name="Demo">The demo training run when the service trained its own model, else null.</param>
/// <param name="Options">The settings in force.</param>
public sealed record ServedModel(IScoringBackend Backend, RequestReader Reader, string CheckpointSha256, string? PreprocessingPath, DemoModelFiles? Demo, ScoringOptions Options)
{
    /// <summary>PleGen's version (the runtime assembly's informational version).</summary>
    public static string PleGenVersion { get; } =
        typeof(IMultiTaskModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>
    /// Loads the configured checkpoint into a model made by <paramref name="createModel"/> (a generated model class,
    /// <see cref="DemoPle"/> in this sample), training the demo model first when no checkpoint is configured, with its
    /// preprocessing file when there is one.
    /// </summary>
    /// <exception cref="ScoringStartupException">A file is missing, damaged, or does not fit the model.</exception>
    public static ServedModel Load(ScoringOptions options, ILogger logger, Func<IMultiTaskModel> createModel)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(createModel);
        if (options.MaxRows < 1 || options.MaxRequestBytes < 1)
        {
            throw new ScoringStartupException($"Scoring:MaxRows ({options.MaxRows}) and Scoring:MaxRequestBytes ({options.MaxRequestBytes}) must be positive.");
        }

        DemoModelFiles? demo = null;
        string? checkpoint = options.Checkpoint;
        if (string.IsNullOrEmpty(checkpoint))
        {
            string directory = options.DemoDirectory ?? Path.Combine(Path.GetTempPath(), "plegen-scoring-demo");
            logger.LogInformation("No checkpoint given (--model PATH or Scoring:Checkpoint): training the demo model on {Rows} synthetic rows into {Directory}", options.DemoRows, directory);
            demo = DemoTraining.Run(directory, options.DemoRows);
            logger.LogInformation("Demo model trained in {Seconds:F1} s ({Epochs} epochs): test {Metrics}",
                demo.Elapsed.TotalSeconds, demo.Epochs, string.Join(", ", demo.TestMetrics.Select(m => $"{m.Key} {m.Value:F4}")));
            checkpoint = demo.CheckpointPath;
        }

        if (!File.Exists(checkpoint))
        {
            throw new ScoringStartupException($"The checkpoint '{checkpoint}' does not exist; give an existing safetensors file with --model PATH (or Scoring:Checkpoint), or none to serve the demo model.");
        }

        string? preprocessingPath = options.Preprocessing switch
        {
            null or "" => File.Exists(Preprocessing.PathBeside(checkpoint)) ? Preprocessing.PathBeside(checkpoint) : null,
            "none" => null,
            string path => path,
        };

        try
        {
            Preprocessing? preprocessing = preprocessingPath is null ? null : Preprocessing.Load(preprocessingPath);
            IScoringBackend backend = options.Backend switch
            {
                "managed" => new ManagedBackend(createModel(), checkpoint),
                "onnxruntime" => new OnnxBackend(createModel(), checkpoint, options.OnnxModel ?? Path.ChangeExtension(checkpoint, ".onnx")),
                _ => throw new ScoringStartupException($"Scoring:Backend is '{options.Backend}'; use 'managed' (PleGen's engine) or 'onnxruntime' (the model's ONNX export in ONNX Runtime)."),
            };
            var reader = new RequestReader(backend.Schema, preprocessing, options.MaxRows, options.UnknownCategories);
            var served = new ServedModel(backend, reader, Sha256(checkpoint), preprocessingPath is null ? null : Path.GetFullPath(preprocessingPath), demo, options);
            ModelSchema schema = backend.Schema;
            logger.LogInformation(
                "Serving {Model} ({Architecture}, {Levels} level(s), {Parameters} parameters) on the {Backend} backend from {Checkpoint} (sha256 {Sha}); rows carry {Mode} values{Through}",
                schema.ModelName, schema.Architecture, schema.Levels, schema.TotalParameters, backend.Name, backend.Source, served.CheckpointSha256[..12],
                reader.InputMode, served.PreprocessingPath is null ? string.Empty : " through " + served.PreprocessingPath);
            return served;
        }
        catch (Exception e) when (e is CheckpointException or PreprocessingFileException or ArgumentException or IOException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or PleGen.Runtime.Onnx.OnnxExportException)
        {
            throw new ScoringStartupException(e.Message, e);
        }
    }

    /// <summary>The <c>GET /model</c> document.</summary>
    public object Describe()
    {
        ModelSchema schema = Backend.Schema;
        Preprocessing? preprocessing = Reader.Preprocessing;
        return new
        {
            model = schema.ModelName,
            architecture = schema.Architecture,
            levels = schema.Levels,
            inputWidth = schema.InputWidth,
            parameters = schema.TotalParameters,
            version = new { plegen = PleGenVersion, checkpointSha256 = CheckpointSha256 },
            backend = Backend.Name,
            checkpoint = Backend.Source,
            preprocessing = PreprocessingPath,
            input = Reader.InputMode,
            unknownCategories = preprocessing is null ? null : Options.UnknownCategories.ToString(),
            limits = new { maxRows = Options.MaxRows, maxRequestBytes = Options.MaxRequestBytes },
            tasks = schema.Tasks.Select(t => new
            {
                name = t.Name,
                kind = t.IsBinary ? "binary" : "regression",
                outputs = t.IsBinary ? new[] { "probability", "logit" } : new[] { "value" },
            }),
            features = schema.Features.Select((f, i) => new
            {
                name = f.Name,
                kind = f.Kind,
                width = f.IsCategorical ? (int?)null : f.Width,
                cardinality = f.IsCategorical ? f.Cardinality : (int?)null,
                embeddingDim = f.IsCategorical ? f.EmbeddingDim : (int?)null,
                expected = Reader.Expected(i),
                columns = preprocessing is null ? null
                    : f.IsCategorical ? new[] { preprocessing.Mapping.CategoricalColumn(f.Name) } : preprocessing.Mapping.DenseColumns(f.Name).ToArray(),
            }),
            modules = schema.Modules.Select(m => new
            {
                name = m.Name,
                kind = m.Kind.ToString(),
                level = m.Level,
                inputWidth = m.InputWidth,
                outputWidth = m.OutputWidth,
                parameters = m.Parameters,
                mixes = m.Mixes,
            }),
            demo = Demo is null ? null : new { trainingSeconds = Math.Round(Demo.Elapsed.TotalSeconds, 2), epochs = Demo.Epochs, test = Demo.TestMetrics },
        };
    }

    private static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
