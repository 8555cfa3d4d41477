namespace PleGen.Generator.Plan;

// The modules that own parameters. Each carries its state-dict names (the one place they are made), the field that
// holds it in generated code, its shapes and its parameter count. A stack of linear layers names its layers
// "{prefix}.{l}.weight" / ".bias", as PyTorch's ModuleList and Sequential do.

/// <summary>A module that owns parameters.</summary>
internal abstract record PlanModule(string Field)
{
    /// <summary>Its parameters' state-dict names, in creation order.</summary>
    public abstract IEnumerable<string> ParameterNames { get; }

    public abstract long Parameters { get; }

    /// <summary>(input, output) of each linear layer, for the limit checks.</summary>
    public abstract IEnumerable<(int Input, int Output)> LinearShapes { get; }
}

/// <summary>
/// An embedding table [cardinality, dim] of one categorical feature, named "{Path}.weight". <paramref name="Cardinality"/>
/// is 0 when it comes from the data: the table's rows, and its parameters, are then known when a model is built.
/// </summary>
internal sealed record EmbeddingModule(string Path, string Field, int Feature, int Cardinality, int Dim) : PlanModule(Field)
{
    public bool CardinalityFromData => Cardinality == 0;

    public override IEnumerable<string> ParameterNames => new[] { Path + ".weight" };

    /// <summary>The table's parameters; 0 when its rows come from the data (see <see cref="ModelPlan.DataSizedEmbeddings"/>).</summary>
    public override long Parameters => (long)Cardinality * Dim;

    public override IEnumerable<(int Input, int Output)> LinearShapes => Enumerable.Empty<(int, int)>();
}

/// <summary>
/// Experts of one owner at one level: MLPs of the same units reading the same input, run as one bank whose output is
/// [batch, experts, units]. Expert e is named <c>Experts[e]</c> (what gates report) and its layers <c>LayerPrefixes[e]</c>.
/// </summary>
internal sealed record ExpertBankModule(
    string Field,
    string Description,
    int Level,
    EquatableArray<string> Experts,
    EquatableArray<string> LayerPrefixes,
    int InputWidth,
    EquatableArray<int> Units) : PlanModule(Field)
{
    public int Count => Experts.Count;

    public int OutputWidth => Units[Units.Count - 1];

    public long ParametersPerExpert => LinearStack.Parameters(InputWidth, Units);

    public override IEnumerable<string> ParameterNames => LayerPrefixes.SelectMany(prefix => LinearStack.Names(prefix, Units.Count));

    public override long Parameters => Count * ParametersPerExpert;

    public override IEnumerable<(int Input, int Output)> LinearShapes => LinearStack.Shapes(InputWidth, Units);
}

/// <summary>A softmax gate's linear layer [fan-in, input], named "{Path}.weight" / "{Path}.bias".</summary>
internal sealed record GateModule(string Path, string Field, string ExpertsField, string Description, int Level, int InputWidth, EquatableArray<string> Experts) : PlanModule(Field)
{
    public int FanIn => Experts.Count;

    public override IEnumerable<string> ParameterNames => new[] { Path + ".weight", Path + ".bias" };

    public override long Parameters => LinearStack.Parameters(InputWidth, new[] { FanIn });

    public override IEnumerable<(int Input, int Output)> LinearShapes => new[] { (InputWidth, FanIn) };
}

/// <summary>
/// A stack of linear layers: a bottom network (the activation after every layer) or a tower (after every layer but the
/// last, which outputs one value). <see cref="Path"/> names the module, <see cref="LayerPrefix"/> its layers.
/// </summary>
internal sealed record MlpModule(
    ModuleKindValue Kind,
    string Path,
    string LayerPrefix,
    string Field,
    string Description,
    int InputWidth,
    EquatableArray<int> Units,
    bool LastIsOutput) : PlanModule(Field)
{
    public int OutputWidth => Units[Units.Count - 1];

    public override IEnumerable<string> ParameterNames => LinearStack.Names(LayerPrefix, Units.Count);

    public override long Parameters => LinearStack.Parameters(InputWidth, Units);

    public override IEnumerable<(int Input, int Output)> LinearShapes => LinearStack.Shapes(InputWidth, Units);
}

/// <summary>One Linear layer [out, in], followed by the activation and dropout, named "{Path}.weight" / "{Path}.bias".</summary>
internal sealed record LinearModule(string Path, string Field, string Description, int InputWidth, int OutputWidth) : PlanModule(Field)
{
    public override IEnumerable<string> ParameterNames => new[] { Path + ".weight", Path + ".bias" };

    public override long Parameters => LinearStack.Parameters(InputWidth, new[] { OutputWidth });

    public override IEnumerable<(int Input, int Output)> LinearShapes => new[] { (InputWidth, OutputWidth) };
}

/// <summary>
/// A cross-stitch unit over <see cref="Columns"/> columns: its learned alpha [columns, columns], named "{Path}.alpha",
/// initialized to <see cref="SelfWeight"/> on the diagonal and (1 - SelfWeight) / (columns - 1) elsewhere.
/// </summary>
internal sealed record CrossStitchModule(string Path, string Field, string Description, int Columns, int Width, double SelfWeight) : PlanModule(Field)
{
    public string Alpha => Path + ".alpha";

    public override IEnumerable<string> ParameterNames => new[] { Alpha };

    public override long Parameters => (long)Columns * Columns;

    public override IEnumerable<(int Input, int Output)> LinearShapes => Enumerable.Empty<(int, int)>();
}

/// <summary>
/// A sluice network's alpha unit over <see cref="Tasks"/> columns of <see cref="Subspaces"/> subspaces each: its learned
/// alpha [Size, Size] (Size = tasks * subspaces), named "{Path}.alpha", initialized to <see cref="SelfWeight"/> on the
/// diagonal and (1 - SelfWeight) / (Size - 1) elsewhere.
/// </summary>
internal sealed record SubspaceMixModule(string Path, string Field, string Description, int Tasks, int Subspaces, int Width, double SelfWeight) : PlanModule(Field)
{
    public string Alpha => Path + ".alpha";

    public int Size => Tasks * Subspaces;

    public override IEnumerable<string> ParameterNames => new[] { Alpha };

    public override long Parameters => (long)Size * Size;

    public override IEnumerable<(int Input, int Output)> LinearShapes => Enumerable.Empty<(int, int)>();
}

/// <summary>A sluice network's beta unit of one task: its learned beta [layers], named "{Path}.beta", initialized to 1 / layers each.</summary>
internal sealed record LayerMixModule(string Path, string Field, string Description, int Layers, int Width) : PlanModule(Field)
{
    public string Beta => Path + ".beta";

    public override IEnumerable<string> ParameterNames => new[] { Beta };

    public override long Parameters => Layers;

    public override IEnumerable<(int Input, int Output)> LinearShapes => Enumerable.Empty<(int, int)>();
}

/// <summary>Summary kinds of modules, as <c>PleGen.ModuleKind</c> names them.</summary>
internal enum ModuleKindValue
{
    Bottom,
    Tower,
}

/// <summary>Names, shapes and parameter counts of a stack of linear layers.</summary>
internal static class LinearStack
{
    public static IEnumerable<string> Names(string prefix, int layers)
        => Enumerable.Range(0, layers).SelectMany(l => new[] { $"{prefix}.{l}.weight", $"{prefix}.{l}.bias" });

    public static IEnumerable<(int Input, int Output)> Shapes(int input, IEnumerable<int> units)
    {
        int width = input;
        foreach (int unit in units)
        {
            yield return (width, unit);
            width = unit;
        }
    }

    public static long Parameters(int input, IEnumerable<int> units) => Shapes(input, units).Sum(s => ((long)s.Input * s.Output) + s.Output);
}
