namespace PleGen.Generator.Emit;

/// <summary>
/// How one generated file names the runtime's and TorchSharp's types: by a file-level alias ("Tensor"), declared at the
/// top of the file for every alias the file used, or by the global-qualified name when the owner's scope already has
/// something of that name (<see cref="TypeIdentity.ShadowedNames"/>), which would win over the alias.
/// </summary>
/// <remarks>
/// Generic types (ITrainableModel&lt;TDataset&gt;, ITrainingSession&lt;TDataset&gt;) cannot be aliased open, so they are
/// always written in full. The renderers ask <see cref="Type"/> while a file is written (<see cref="GeneratedFile"/> sets the file's names for
/// the thread that renders it), so the many strings that mention a type need no extra parameter.
/// </remarks>
internal sealed class TypeNames
{
    private const string Runtime = "global::PleGen.Runtime.";

    /// <summary>Aliases of the managed flavor's files (and of task groups' data files).</summary>
    public static readonly IReadOnlyDictionary<string, string> Managed = Aliases(
        In("global::PleGen.", "Activation", "ArchitectureModule", "ModuleKind", "TaskKind"),
        In(Runtime + "Generated.", "CheckpointCardinalities", "DenseLayer", "ExpertBank", "InputChecks", "LayerContext", "Mlp", "ParameterRegistry", "Rows"),
        In(Runtime + "Tensors.", "NamedTensor", "Tensor"),
        In(Runtime + "Operations.", "LossFunctions", "Ops"),
        In(Runtime + "Onnx.", "OnnxModelWriter", "OnnxValue"),
        In(Runtime + "Models.", "GateStatistics"),
        In(Runtime + "Data.", "ICardinalitySource", "IColumnSource"),
        In(Runtime + "Checkpoints.", "SafeTensors"),
        In(Runtime + "Training.", "TaskInfo"));

    /// <summary>Aliases of the TorchSharp flavor's files: "Tensor" is TorchSharp's there.</summary>
    public static readonly IReadOnlyDictionary<string, string> TorchSharp = Aliases(
        In("global::TorchSharp.torch.", "Device", "Tensor"),
        In("global::TorchSharp.torch.nn.", "functional as F"),
        In("global::TorchSharp.", "DisposeScope", "torch as Torch", "torch.nn as NN"),
        In("global::TorchSharp.Modules.", "Embedding", "Linear", "ModuleList<global::TorchSharp.Modules.Linear> as LinearStack"),
        In("global::PleGen.TorchSharpSupport.", "AdamOptimizer", "CrossStitchUnit", "LayerMixUnit", "LibTorch", "ModelOps", "ModuleTree", "SubspaceMixUnit"),
        In(Runtime + "Generated.", "CheckpointCardinalities", "InputChecks", "TensorShapeChecks"),
        In(Runtime + "Tensors.", "NamedTensor"),
        In(Runtime + "Checkpoints.", "SafeTensors"),
        In(Runtime + "Models.", "GateStatistics"));

    [ThreadStatic]
    private static TypeNames? _current;

    private readonly IReadOnlyDictionary<string, string> _targets;
    private readonly HashSet<string> _shadowed;
    private readonly SortedSet<string> _used = new(StringComparer.Ordinal);

    public TypeNames(IReadOnlyDictionary<string, string> targets, EquatableArray<string> shadowed)
    {
        _targets = targets;
        _shadowed = new HashSet<string>(shadowed, StringComparer.Ordinal);
    }

    /// <summary>The name the current file writes for the type aliased <paramref name="alias"/>.</summary>
    public static string Type(string alias)
    {
        TypeNames names = _current ?? throw new InvalidOperationException("Type names are asked for outside a generated file.");
        if (!names._targets.TryGetValue(alias, out string? target))
        {
            throw new InvalidOperationException($"'{alias}' is not a type alias of this kind of generated file.");
        }

        if (names._shadowed.Contains(alias))
        {
            return target;
        }

        names._used.Add(alias);
        return alias;
    }

    /// <summary>Types of one namespace: "Name" is aliased as itself, "Name as Alias" under another name.</summary>
    private static IEnumerable<(string Alias, string Target)> In(string ns, params string[] types) => types.Select(type =>
    {
        int at = type.IndexOf(" as ", StringComparison.Ordinal);
        return at < 0 ? (type, ns + type) : (type.Substring(at + 4), ns + type.Substring(0, at));
    });

    private static IReadOnlyDictionary<string, string> Aliases(params IEnumerable<(string Alias, string Target)>[] groups)
        => groups.SelectMany(g => g).ToDictionary(e => e.Alias, e => e.Target, StringComparer.Ordinal);

    /// <summary>The alias directives of every alias the file used.</summary>
    public IEnumerable<string> Directives => _used.Select(alias => $"using {alias} = {_targets[alias]};");

    /// <summary>Makes these the names <see cref="Type"/> answers with on this thread until the returned scope ends.</summary>
    public IDisposable Use()
    {
        TypeNames? previous = _current;
        _current = this;
        return new Restore(previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly TypeNames? _previous;

        public Restore(TypeNames? previous) => _previous = previous;

        public void Dispose() => _current = _previous;
    }
}
