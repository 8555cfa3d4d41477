namespace PleGen.Generator.Emit;

/// <summary>
/// What differs between the flavors' Batch, Labels, Output and Losses: the tensor type, how members are built from the
/// constructor's arguments, and the few members only one flavor has. <see cref="DataTypesEmitter"/> writes the rest once.
/// </summary>
internal abstract class DataFlavor
{
    protected DataFlavor(string owner, string tensor, string outputShape, string backward)
    {
        Owner = owner;
        Tensor = tensor;
        OutputShape = outputShape;
        Backward = backward;
    }

    /// <summary>The name entry checks put in their messages (the model's or the task group's).</summary>
    public string Owner { get; }

    /// <summary>The flavor's tensor type, as the file names it.</summary>
    public string Tensor { get; }

    /// <summary>The shape of an Output member, as its docs say it.</summary>
    public string OutputShape { get; }

    /// <summary>The call that back-propagates a loss.</summary>
    public string Backward { get; }

    public abstract void BatchConstructors(SourceWriter w, DataTypesPlan data);

    public abstract string BatchMemberType(FeatureSpec feature);

    public abstract string BatchMemberDoc(FeatureSpec feature);

    public virtual void BatchExtras(SourceWriter w, DataTypesPlan data)
    {
    }

    public abstract void LabelsConstructors(SourceWriter w, DataTypesPlan data);

    public virtual void LabelsExtras(SourceWriter w, DataTypesPlan data)
    {
    }

    /// <summary>The Output constructor's first line, setting BatchSize.</summary>
    public abstract string OutputBatchSize(EquatableArray<TaskSpec> tasks, out string? parameter);

    public abstract string Sigmoid(string logit);

    public virtual void OutputExtras(SourceWriter w, EquatableArray<TaskSpec> tasks)
    {
    }

    /// <summary>The array checks both flavors run on features: ids in range, widths, finite values.</summary>
    protected void FeatureArrayChecks(SourceWriter w, DataTypesPlan data)
    {
        w.Line("int batchSize = -1;");
        foreach (FeatureSpec f in data.Features)
        {
            string p = CamelCase.From(f.Identifier);
            w.Line(f.CardinalityFromData
                ? $"{Type("InputChecks")}.CategoricalIds({String(Owner)}, {String(f.Name)}, {p}, ref batchSize);"
                : f.IsCategorical
                ? $"{Type("InputChecks")}.Categorical({String(Owner)}, {String(f.Name)}, {p}, {f.Cardinality}, ref batchSize);"
                : $"{Type("InputChecks")}.Dense({String(Owner)}, {String(f.Name)}, {p}, {f.Width}, ref batchSize);");
        }
    }

    /// <summary>The array checks both flavors run on labels: lengths, label ranges, masks of 0/1.</summary>
    protected void LabelArrayChecks(SourceWriter w, DataTypesPlan data)
    {
        w.Line("int batchSize = -1;");
        foreach (TaskSpec t in data.Tasks)
        {
            string mask = t.Masked ? MaskParameter(t) : "null";
            w.Line($"{Type("InputChecks")}.Labels({String(Owner)}, {String(t.Name)}, {LabelParameter(t)}, {mask}, binary: {Bool(t.IsBinary)}, ref batchSize);");
        }
    }

    /// <summary>Where a categorical feature's ids lie, as the docs say it.</summary>
    protected static string Range(FeatureSpec f)
        => f.CardinalityFromData ? "in [0, the cardinality the model is built with)" : $"in [0, {f.Cardinality})";

    protected static string LabelParameter(TaskSpec t) => CamelCase.From(t.Identifier);

    protected static string MaskParameter(TaskSpec t) => CamelCase.From(t.Identifier) + "Mask";

    protected static string ArrayParameters(DataTypesPlan data)
        => string.Join(", ", data.Features.Select(f => (f.IsCategorical ? "int[] " : "float[] ") + CamelCase.From(f.Identifier)));

    protected static IEnumerable<string> LabelArrayParameters(DataTypesPlan data)
        => data.LabelArguments(t => "float[] " + LabelParameter(t), t => $"float[]? {MaskParameter(t)} = null");
}
