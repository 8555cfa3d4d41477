namespace PleGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic PleGen reports. IDs are stable: never renumber or reuse one; add new ones at the end and
/// document each in docs/diagnostics.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PleGen";

    public static readonly DiagnosticDescriptor ClassNotPartial = Create(
        "PLE0001", "Model class must be partial",
        "'{0}' must be declared partial so PleGen can add the generated model code to it{1}");

    public static readonly DiagnosticDescriptor GenericClass = Create(
        "PLE0002", "Model class cannot be generic",
        "'{0}' {1}; a model's shapes are fixed at compile time, so declare it on a non-generic class that is not nested in a generic type");

    public static readonly DiagnosticDescriptor MultipleArchitectures = Create(
        "PLE0003", "More than one architecture attribute",
        "'{0}' declares both [{1}] and [{2}]; a model has exactly one architecture: keep one of them");

    public static readonly DiagnosticDescriptor NoTasks = Create(
        "PLE0004", "No tasks",
        "'{0}' declares no tasks; add at least one [Task(\"name\", TaskKind.Binary)] (or TaskKind.Regression)");

    public static readonly DiagnosticDescriptor TooFewTasks = Create(
        "PLE0005", "Too few tasks for a multi-task architecture",
        "{0} is a multi-task architecture and needs at least 2 tasks, but '{1}' declares {2}; add a task or use [SingleTaskModel]");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "PLE0006", "Duplicate name",
        "{0} name '{1}' clashes with the {0} '{2}' declared before it ({3}); give each {0} a distinct name");

    public static readonly DiagnosticDescriptor InvalidName = Create(
        "PLE0007", "Name is not a valid identifier",
        "{0} name '{1}' cannot become a C# identifier: {2}; use letters, digits and '_', starting with a letter (e.g. \"never_married\")");

    public static readonly DiagnosticDescriptor ReservedName = Create(
        "PLE0008", "Name collides with a generated member",
        "{0} name '{1}' becomes the identifier '{2}', which collides with {3}; choose another name");

    public static readonly DiagnosticDescriptor InvalidLevels = Create(
        "PLE0009", "Levels must be at least 1",
        "Levels must be at least 1, but is {0}; remove the argument to use the architecture's default");

    public static readonly DiagnosticDescriptor ArchitectureAllowsOneLevel = Create(
        "PLE0010", "Architecture has a single level",
        "{0} has exactly one level, but Levels = {1}; remove Levels, or use {2} for several levels");

    public static readonly DiagnosticDescriptor ArchitectureExpertsContradiction = Create(
        "PLE0011", "Architecture contradicts the expert counts",
        "{0} {1}, but this declaration gives {2}; {3}");

    public static readonly DiagnosticDescriptor EmptyGate = Create(
        "PLE0012", "Gate with nothing to choose from",
        "The gate of task '{0}' at level {1} has no experts to mix (0 task-specific and 0 shared experts); give the level at least one expert the gate can choose");

    public static readonly DiagnosticDescriptor NonPositiveSize = Create(
        "PLE0013", "Size must be positive",
        "{0} must be positive, but is {1}");

    public static readonly DiagnosticDescriptor NegativeExpertCount = Create(
        "PLE0014", "Expert count cannot be negative",
        "Count must be 0 or more, but is {0}");

    public static readonly DiagnosticDescriptor NoFeatures = Create(
        "PLE0015", "No features",
        "'{0}' declares no input features; add at least one [DenseFeature(\"name\", width)] or [CategoricalFeature(\"name\", cardinality, embeddingDim)]");

    public static readonly DiagnosticDescriptor DropoutOutOfRange = Create(
        "PLE0016", "Dropout out of range",
        "Dropout must be in [0, 1), but is {0}");

    public static readonly DiagnosticDescriptor NonPositiveLossWeight = Create(
        "PLE0017", "Loss weight must be positive",
        "{0} of task '{1}' must be a positive finite number, but is {2}");

    public static readonly DiagnosticDescriptor UnreadableArgument = Create(
        "PLE0018", "Attribute argument cannot be read",
        "[{0}] {1}; attribute arguments must be compile-time constants of the declared types");

    public static readonly DiagnosticDescriptor UnknownTask = Create(
        "PLE0019", "Unknown task",
        "TaskExperts names task '{0}', which is not declared{1}; declared tasks: {2}");

    public static readonly DiagnosticDescriptor LevelOutOfRange = Create(
        "PLE0020", "Level out of range",
        "Level = {0} is out of range: the model has {1} level(s), numbered from 0 to {2}; use -1 (or omit Level) for every level");

    public static readonly DiagnosticDescriptor ExpertWidthMismatch = Create(
        "PLE0021", "Mixed experts differ in output width",
        "{0}: the experts mixed differ in output width ({1}); a gate's weighted sum needs one width, so make the last Units entries equal");

    public static readonly DiagnosticDescriptor DuplicateExpertScope = Create(
        "PLE0022", "Duplicate expert declaration",
        "[{0}] for {1} is declared twice; merge the two declarations into one");

    public static readonly DiagnosticDescriptor InvalidTaskGroup = Create(
        "PLE0023", "Invalid task group",
        "TaskGroup {0}; point it at a class that carries the [Task] and feature attributes");

    public static readonly DiagnosticDescriptor EmptyUnits = Create(
        "PLE0024", "Expert needs at least one layer",
        "Units of [{0}] is empty; an expert is an MLP with at least one layer, e.g. Units = [64]");

    public static readonly DiagnosticDescriptor ClassNotInstantiable = Create(
        "PLE0025", "Model class must be instantiable",
        "'{0}' is {1}, but a model is created with new {0}(seed); remove the '{1}' modifier");

    public static readonly DiagnosticDescriptor SizeBeyondLimits = Create(
        "PLE0026", "Size beyond the supported range",
        "{0} is {1}, but at most {2} is supported: {3}");

    public static readonly DiagnosticDescriptor TorchSharpNotReferenced = Create(
        "PLE0027", "TorchSharp flavor requested without TorchSharp",
        "'{0}' asks for its TorchSharp flavor (TorchSharp = true), but the project does not reference TorchSharp; add the TorchSharp package and a libtorch package (e.g. TorchSharp-cpu), or remove TorchSharp = true");

    public static readonly DiagnosticDescriptor FileLocalModel = Create(
        "PLE0028", "Model class cannot be file-local",
        "'{0}' is file-local, but its generated members are in a file of their own, and a file-local type cannot have parts in two files; remove the 'file' modifier (make it internal to keep it out of other assemblies)");

    public static readonly DiagnosticDescriptor PrimaryConstructor = Create(
        "PLE0029", "Model class cannot have a parameter list",
        "'{0}' has a parameter list ({1}), but PleGen generates the model's constructor, new {0}(seed); remove the parameter list and keep any state in members");

    public static readonly DiagnosticDescriptor ClassNameIsGeneratedMember = Create(
        "PLE0030", "Model class name collides with a generated member",
        "The model class is named '{0}', which is {1} PleGen generates inside it (a member cannot have its enclosing type's name); rename the class, e.g. '{0}Model'");

    public static readonly DiagnosticDescriptor DerivesFromModel = Create(
        "PLE0031", "Model class derives from another model",
        "'{0}' derives from '{1}', which is itself a model: every generated member of '{0}' would hide one of '{1}'; derive both from a common base class that is not a model, or hold the other model in a field");

    public static readonly DiagnosticDescriptor TaskGroupCannotHoldDataTypes = Create(
        "PLE0032", "Task group cannot hold the generated data types",
        "Task group '{0}' {1}; PleGen generates its Dataset, Batch and Labels once, on the group, for every model over it: {2}");

    public static readonly DiagnosticDescriptor UnknownDependencyTask = Create(
        "PLE0033", "Task dependency names an unknown task",
        "[TaskDependency] names task '{0}', which is not declared{1}; declared tasks: {2}");

    public static readonly DiagnosticDescriptor ContradictoryDependency = Create(
        "PLE0034", "Task dependency contradicts itself",
        "[TaskDependency] of task '{0}' {1}; {2}");

    public static readonly DiagnosticDescriptor FusionWidthMismatch = Create(
        "PLE0035", "Fused values differ in width",
        "Fusion = Fusion.{0} adds task '{1}''s bottom output element-wise to those it depends on, but their widths differ ({2}); give those bottoms the same last Units entry, or use Fusion = Fusion.Concat");

    public static readonly DiagnosticDescriptor DependencyWithoutTaskBottoms = Create(
        "PLE0036", "Task dependency on an architecture without task bottoms",
        "[TaskDependency] says which task bottoms a tower reads, but {0} has no task bottoms to read; remove it, or use [AsymmetricSharingModel]");

    public static readonly DiagnosticDescriptor SelfWeightOutOfRange = Create(
        "PLE0037", "Cross-stitch self-weight out of range",
        "SelfWeight must be in [0, 1] (the initial alpha_kk of every cross-stitch unit; the rest of each row, 1 - SelfWeight, is spread over the other tasks), but it is {0}");

    public static readonly DiagnosticDescriptor SubspacesBelowOne = Create(
        "PLE0038", "Sluice subspace count must be at least 1",
        "Subspaces must be at least 1 (the equal parts every layer's output is split into for the alpha units; 1 mixes whole layers, as a cross-stitch unit does), but it is {0}");

    public static readonly DiagnosticDescriptor UnitsNotDivisibleBySubspaces = Create(
        "PLE0039", "Layer width not divisible by the subspace count",
        "Every layer of a sluice column is split into Subspaces = {0} subspaces of equal width, but {1}; use widths divisible by {0}, or another Subspaces");

    public static readonly DiagnosticDescriptor SluiceLayerWidthMismatch = Create(
        "PLE0040", "Sluice layers differ in width",
        "A task's tower reads the beta mix of its column's layers, sum_l beta_l * h_l, so every layer needs the same width, but the layers have {0} units; give every layer one width (e.g. Units = [{1}])");

    public static readonly DiagnosticDescriptor SluiceSelfWeightOutOfRange = Create(
        "PLE0041", "Sluice self-weight out of range",
        "SelfWeight must be in [0, 1] (the initial weight of every subspace on itself in every alpha unit; the rest of each row, 1 - SelfWeight, is spread over the other subspaces of every task), but it is {0}");

    public static readonly DiagnosticDescriptor OrthogonalityWeightOutOfRange = Create(
        "PLE0042", "Orthogonality weight out of range",
        "OrthogonalityWeight must be a finite number of at least 0 (its weight in the joint loss; 0 turns the penalty off), but it is {0}");

    public static readonly DiagnosticDescriptor OrthogonalityWithoutSubspaces = Create(
        "PLE0043", "Orthogonality weight without subspaces",
        "OrthogonalityWeight = {0} keeps the subspaces of every layer orthogonal to each other, but Subspaces = 1 gives every layer a single subspace, so the penalty would always be 0; set Subspaces = 2 or more, or remove OrthogonalityWeight");

    public static readonly DiagnosticDescriptor RepeatedEmbeddingDim = Create(
        "PLE0044", "Embedding width given twice",
        "Categorical feature '{0}' gives its embedding width twice (embeddingDim: {1} and EmbeddingDim = {2}); remove 'EmbeddingDim = {2}' (the named form is for features without a declared cardinality: [CategoricalFeature(\"{0}\", EmbeddingDim = {2})])");

    public static readonly DiagnosticDescriptor MissingEmbeddingDim = Create(
        "PLE0045", "Categorical feature without an embedding width",
        "Categorical feature '{0}' takes its cardinality from the data but has no embedding width; add one, e.g. [CategoricalFeature(\"{0}\", EmbeddingDim = 8)], or declare both: [CategoricalFeature(\"{0}\", cardinality, embeddingDim)]");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "PLE0046", "PleGen failed on a model",
        "PleGen failed on '{0}' because of an error in the generator itself, not in the declaration ({1}: {2}); its generated code is missing. Please report it with the declaration; a change to the declaration may avoid it meanwhile.");

    private static DiagnosticDescriptor Create(string id, string title, string message) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "See docs/diagnostics.md#" + id.ToLowerInvariant() + " for a failing and a fixed example.");
}
