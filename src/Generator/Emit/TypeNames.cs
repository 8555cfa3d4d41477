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
    public static readonly IReadOnlyDictionary<string, string> Managed = new Dictionary<string, string>
    {
        ["Activation"] = "global::PleGen.Activation",
        ["ArchitectureModule"] = "global::PleGen.ArchitectureModule",
        ["DenseLayer"] = Runtime + "Generated.DenseLayer",
        ["ExpertBank"] = Runtime + "Generated.ExpertBank",
        ["GateStatistics"] = Runtime + "Models.GateStatistics",
        ["IColumnSource"] = Runtime + "Data.IColumnSource",
        ["InputChecks"] = Runtime + "Generated.InputChecks",
        ["LayerContext"] = Runtime + "Generated.LayerContext",
        ["LossFunctions"] = Runtime + "Operations.LossFunctions",
        ["Mlp"] = Runtime + "Generated.Mlp",
        ["ModuleKind"] = "global::PleGen.ModuleKind",
        ["NamedTensor"] = Runtime + "Tensors.NamedTensor",
        ["OnnxModelWriter"] = Runtime + "Onnx.OnnxModelWriter",
        ["OnnxValue"] = Runtime + "Onnx.OnnxValue",
        ["Ops"] = Runtime + "Operations.Ops",
        ["ParameterRegistry"] = Runtime + "Generated.ParameterRegistry",
        ["Rows"] = Runtime + "Generated.Rows",
        ["SafeTensors"] = Runtime + "Checkpoints.SafeTensors",
        ["TaskInfo"] = Runtime + "Training.TaskInfo",
        ["TaskKind"] = "global::PleGen.TaskKind",
        ["Tensor"] = Runtime + "Tensors.Tensor",
    };

    /// <summary>Aliases of the TorchSharp flavor's files: "Tensor" is TorchSharp's there.</summary>
    public static readonly IReadOnlyDictionary<string, string> TorchSharp = new Dictionary<string, string>
    {
        ["CrossStitchUnit"] = "global::PleGen.TorchSharpSupport.CrossStitchUnit",
        ["Device"] = "global::TorchSharp.torch.Device",
        ["DisposeScope"] = "global::TorchSharp.DisposeScope",
        ["Embedding"] = "global::TorchSharp.Modules.Embedding",
        ["F"] = "global::TorchSharp.torch.nn.functional",
        ["GateStatistics"] = Runtime + "Models.GateStatistics",
        ["InputChecks"] = Runtime + "Generated.InputChecks",
        ["LibTorch"] = "global::PleGen.TorchSharpSupport.LibTorch",
        ["Linear"] = "global::TorchSharp.Modules.Linear",
        ["LinearStack"] = "global::TorchSharp.Modules.ModuleList<global::TorchSharp.Modules.Linear>",
        ["ModelOps"] = "global::PleGen.TorchSharpSupport.ModelOps",
        ["ModuleTree"] = "global::PleGen.TorchSharpSupport.ModuleTree",
        ["NamedTensor"] = Runtime + "Tensors.NamedTensor",
        ["NN"] = "global::TorchSharp.torch.nn",
        ["Tensor"] = "global::TorchSharp.torch.Tensor",
        ["TensorShapeChecks"] = Runtime + "Generated.TensorShapeChecks",
        ["Torch"] = "global::TorchSharp.torch",
    };

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
