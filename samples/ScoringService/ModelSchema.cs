using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PleGen.Runtime.Models;

namespace PleGen.Samples.ScoringService;

/// <summary>A feature the model reads, as its declaration says.</summary>
/// <param name="Name">The declared name (the JSON field of a request row).</param>
/// <param name="IsCategorical">Categorical (one id per row) or dense (<see cref="Width"/> floats per row).</param>
/// <param name="Width">Floats per row of a dense feature; 1 for a categorical one.</param>
/// <param name="Cardinality">Ids of a categorical feature are in <c>[0, Cardinality)</c>; 0 for a dense one.</param>
/// <param name="EmbeddingDim">Embedding width of a categorical feature; 0 for a dense one.</param>
public sealed record FeatureSchema(string Name, bool IsCategorical, int Width, int Cardinality, int EmbeddingDim)
{
    /// <summary>"dense" or "categorical".</summary>
    public string Kind => IsCategorical ? "categorical" : "dense";
}

/// <summary>A task the model predicts, and the generated <c>Output</c> members that hold its predictions.</summary>
/// <param name="Name">The declared name (the JSON field of a prediction).</param>
/// <param name="Kind">Binary (a logit and a probability) or regression (a value).</param>
/// <param name="OutputMember">The <c>Output</c> member of the logit (binary) or the value (regression), e.g. <c>Purchase</c>.</param>
/// <param name="ProbabilityMember">The <c>Output</c> member of the probability (binary only, e.g. <c>PurchaseProbability</c>).</param>
public sealed record TaskSchema(string Name, TaskKind Kind, string OutputMember, string? ProbabilityMember)
{
    /// <summary>Whether the task is binary.</summary>
    public bool IsBinary => Kind == TaskKind.Binary;
}

/// <summary>
/// What a generated model is, read once from the model type: the compile-time <c>Architecture</c> class (name,
/// levels, input width, modules, total parameters), the features and tasks its attributes declare (on the task group
/// and the model class), in the order of the generated <c>Batch</c> constructor and with the generated <c>Output</c>
/// members that carry each task. Nothing here is written by hand for a particular model.
/// </summary>
public sealed class ModelSchema
{
    private readonly Dictionary<string, int> _featureIndex;

    private ModelSchema(string modelName, string architecture, int levels, int inputWidth, long totalParameters,
        IReadOnlyList<ArchitectureModule> modules, IReadOnlyList<FeatureSchema> features, IReadOnlyList<TaskSchema> tasks)
    {
        ModelName = modelName;
        Architecture = architecture;
        Levels = levels;
        InputWidth = inputWidth;
        TotalParameters = totalParameters;
        Modules = modules;
        Features = features;
        Tasks = tasks;
        _featureIndex = features.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The model class's full name.</summary>
    public string ModelName { get; }

    /// <summary><c>Architecture.Name</c>: PLE, CGC, MMoE, ...</summary>
    public string Architecture { get; }

    /// <summary><c>Architecture.Levels</c>.</summary>
    public int Levels { get; }

    /// <summary><c>Architecture.InputWidth</c>: dense features and embeddings concatenated.</summary>
    public int InputWidth { get; }

    /// <summary><c>Architecture.TotalParameters</c>.</summary>
    public long TotalParameters { get; }

    /// <summary><c>Architecture.Modules</c>.</summary>
    public IReadOnlyList<ArchitectureModule> Modules { get; }

    /// <summary>The features, in the generated <c>Batch</c> constructor's order.</summary>
    public IReadOnlyList<FeatureSchema> Features { get; }

    /// <summary>The tasks, in declaration order.</summary>
    public IReadOnlyList<TaskSchema> Tasks { get; }

    /// <summary>The index of the feature named <paramref name="name"/> in <see cref="Features"/>, or -1.</summary>
    public int IndexOf(string name) => _featureIndex.GetValueOrDefault(name, -1);

    /// <summary>Reads the schema of the generated model class <paramref name="modelType"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a model PleGen generated (no <c>Architecture</c>, <c>Batch</c> or <c>Output</c>).</exception>
    public static ModelSchema Of(Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        return Of(modelType, null);
    }

    /// <summary>
    /// Reads the schema of a generated model instance: as <see cref="Of(Type)"/>, and also for a model whose categorical
    /// features take their cardinality from the data (declared without one), which only the instance knows (its
    /// generated <c>Cardinalities</c>), as its parameter count and modules then are.
    /// </summary>
    /// <exception cref="ArgumentException">The model is not one PleGen generated.</exception>
    public static ModelSchema Of(IMultiTaskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Of(model.GetType(), model);
    }

    private static ModelSchema Of(Type modelType, object? model)
    {
        ModelAttribute declaration = modelType.GetCustomAttribute<ModelAttribute>()
            ?? throw new ArgumentException($"{modelType.FullName} has no PleGen model attribute ([PleModel], [MmoeModel], ...).", nameof(modelType));
        Type architecture = Nested(modelType, "Architecture");

        // The task group's declarations come first, then the model class's own (as the generator adds them).
        Type[] declaring = declaration.TaskGroup is { } group && group != modelType ? [group, modelType] : [modelType];
        var dense = declaring.SelectMany(t => t.GetCustomAttributes<DenseFeatureAttribute>()).ToDictionary(a => Key(a.Name), a => a);
        var categorical = declaring.SelectMany(t => t.GetCustomAttributes<CategoricalFeatureAttribute>()).ToDictionary(a => Key(a.Name), a => a);
        TaskAttribute[] taskAttributes = declaring.SelectMany(t => t.GetCustomAttributes<TaskAttribute>()).ToArray();

        // The Batch constructor lists the features in declaration order, one parameter per feature.
        ConstructorInfo batchConstructor = BatchConstructor(modelType);
        var features = new List<FeatureSchema>();
        foreach (ParameterInfo parameter in batchConstructor.GetParameters())
        {
            string key = Key(parameter.Name!);
            if (dense.TryGetValue(key, out DenseFeatureAttribute? d))
            {
                features.Add(new FeatureSchema(d.Name, false, d.Width, 0, 0));
            }
            else if (categorical.TryGetValue(key, out CategoricalFeatureAttribute? c))
            {
                features.Add(new FeatureSchema(c.Name, true, 1, c.Cardinality > 0 ? c.Cardinality : DataCardinality(modelType, model, c.Name), c.EmbeddingDim));
            }
            else
            {
                throw new ArgumentException($"{modelType.FullName}.Batch takes '{parameter.Name}', which no feature attribute declares.", nameof(modelType));
            }
        }

        Type output = DataType(modelType, "Output");
        var members = output.GetProperties().ToDictionary(p => Key(p.Name), p => p.Name);
        var tasks = new List<TaskSchema>();
        foreach (TaskAttribute task in taskAttributes)
        {
            string key = Key(task.Name);
            string value = members.GetValueOrDefault(key)
                ?? throw new ArgumentException($"{modelType.FullName}.Output has no member for task '{task.Name}'.", nameof(modelType));
            string? probability = task.Kind == TaskKind.Binary
                ? members.GetValueOrDefault(key + "probability") ?? throw new ArgumentException($"{modelType.FullName}.Output has no probability for task '{task.Name}'.", nameof(modelType))
                : null;
            tasks.Add(new TaskSchema(task.Name, task.Kind, value, probability));
        }

        return new ModelSchema(
            modelType.FullName ?? modelType.Name,
            (string)Constant(architecture, "Name"),
            (int)Constant(architecture, "Levels"),
            (int)Constant(architecture, "InputWidth"),
            (long)SizedFact(architecture, "TotalParameters", model),
            (IReadOnlyList<ArchitectureModule>)SizedFact(architecture, "Modules", model),
            features,
            tasks);
    }

    // A model sized by its data has the cardinalities it was built with in its generated Cardinalities property, one
    // member per feature declared without a cardinality.
    private static object? CardinalitiesOf(object? model) => model?.GetType().GetProperty("Cardinalities", BindingFlags.Public | BindingFlags.Instance)?.GetValue(model);

    private static int DataCardinality(Type modelType, object? model, string feature)
    {
        object cardinalities = CardinalitiesOf(model)
            ?? throw new ArgumentException($"{modelType.FullName}: categorical feature '{feature}' takes its cardinality from the data, which only a model instance knows; read the schema with ModelSchema.Of(model).", nameof(modelType));
        PropertyInfo member = cardinalities.GetType().GetProperties().SingleOrDefault(p => Key(p.Name) == Key(feature))
            ?? throw new ArgumentException($"{cardinalities.GetType().FullName} has no member for categorical feature '{feature}'.", nameof(modelType));
        return (int)member.GetValue(cardinalities)!;
    }

    // TotalParameters and Modules: constants, or methods of the cardinalities when some feature's cardinality comes from the data.
    private static object SizedFact(Type architecture, string name, object? model)
    {
        if (architecture.GetField(name, BindingFlags.Public | BindingFlags.Static) is { } constant)
        {
            return constant.GetValue(null)!;
        }

        if (architecture.GetProperty(name, BindingFlags.Public | BindingFlags.Static) is { } property)
        {
            return property.GetValue(null)!;
        }

        MethodInfo method = architecture.GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"{architecture.FullName} has no '{name}'.", nameof(architecture));
        object cardinalities = CardinalitiesOf(model)
            ?? throw new ArgumentException($"{architecture.FullName}.{name} depends on the cardinalities the model is built with; read the schema with ModelSchema.Of(model).", nameof(architecture));
        return method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [cardinalities], null)!;
    }

    /// <summary>The generated <c>Batch</c> class's constructor (one array parameter per feature).</summary>
    internal static ConstructorInfo BatchConstructor(Type modelType) => DataType(modelType, "Batch").GetConstructors().Single();

    // Batch, Labels, Output and Dataset live on the task group when the model names one (shared by its models).
    private static Type DataType(Type modelType, string name) =>
        modelType.GetNestedType(name, BindingFlags.Public) is { } own ? own
        : modelType.GetCustomAttribute<ModelAttribute>()?.TaskGroup is { } group ? Nested(group, name)
        : Nested(modelType, name);

    private static Type Nested(Type modelType, string name) => modelType.GetNestedType(name, BindingFlags.Public)
        ?? throw new ArgumentException($"{modelType.FullName} has no generated '{name}' class: is PleGen's generator referenced as an analyzer?", nameof(modelType));

    private static object Constant(Type architecture, string name) => architecture.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
        ?? throw new ArgumentException($"{architecture.FullName} has no constant '{name}'.", nameof(architecture));

    // Generated members are the PascalCase (properties) or camelCase (parameters) forms of the declared names.
    private static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
