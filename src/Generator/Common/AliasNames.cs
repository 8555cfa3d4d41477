namespace PleGen.Generator.Common;

/// <summary>
/// The short names generated files give runtime and TorchSharp types through file-level aliases. A type or member of the
/// same name in the model's scope (its namespaces, containing types or base types) would win over a file-level alias, so
/// the parser records which of these names the scope has, and those types are written in full.
/// </summary>
internal static class AliasNames
{
    public static readonly string[] All =
    {
        "Activation", "AdamOptimizer", "ArchitectureModule", "CheckpointCardinalities", "CrossStitchUnit", "DenseLayer", "Device", "DisposeScope", "Embedding", "ExpertBank", "F",
        "GateStatistics", "ICardinalitySource", "IColumnSource", "InputChecks", "LayerContext", "LayerMixUnit", "LibTorch",
        "Linear", "LinearStack", "LossFunctions", "Mlp", "ModelOps", "ModuleKind", "ModuleTree", "NN", "NamedTensor", "OnnxModelWriter", "OnnxValue", "Ops",
        "ParameterRegistry", "Rows", "SafeTensors", "SubspaceMixUnit", "TaskInfo", "TaskKind", "Tensor", "TensorShapeChecks", "Torch",
    };

    /// <summary>The alias names that something visible from <paramref name="type"/>'s scope already has.</summary>
    public static EquatableArray<string> ShadowedIn(INamedTypeSymbol type) => All.Where(name => InScope(type, name)).ToEquatableArray();

    private static bool InScope(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? scope = type; scope is not null; scope = scope.ContainingType)
        {
            for (INamedTypeSymbol? inherited = scope; inherited is not null; inherited = inherited.BaseType)
            {
                if (!inherited.GetMembers(name).IsEmpty)
                {
                    return true;
                }
            }
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            if (ns.GetMembers(name).Any())
            {
                return true;
            }
        }

        return false;
    }
}
