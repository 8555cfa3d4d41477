namespace PleGen.Generator.Emit;

/// <summary>
/// <c>FeatureCardinalities</c>, generated with the data types when some categorical feature takes its cardinality from
/// the data: one member per such feature, checked on construction, bound from the vocabularies by the declared names.
/// Every model over the data types is built from one; the members such a model has for it are written here too.
/// </summary>
internal static class CardinalitiesEmitter
{
    public const string TypeName = "FeatureCardinalities";

    public static void Emit(SourceWriter w, DataTypesPlan data)
    {
        FeatureSpec[] features = data.DataSized.ToArray();
        if (features.Length == 0)
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The cardinalities of the categorical features declared without one, given when a model is built: each is the rows of");
        w.Line("/// the feature's embedding table, its vocabulary's size plus the out-of-vocabulary id 0 (<see cref=\"FromVocabularies\"/>).");
        w.Line("/// </summary>");
        using (w.Block($"public sealed class {TypeName}"))
        {
            w.Line("/// <summary>Checks each cardinality: at least 1, and an embedding table that fits one .NET array.</summary>");
            foreach (FeatureSpec f in features)
            {
                w.Line($"/// <param name=\"{CamelCase.DocName(CamelCase.From(f.Identifier))}\">Cardinality of \"{f.Name}\" (embedding width {f.Width}): its ids are in [0, {CamelCase.DocName(CamelCase.From(f.Identifier))}).</param>");
            }

            using (w.Block($"public {TypeName}({string.Join(", ", features.Select(f => "int " + CamelCase.From(f.Identifier)))})"))
            {
                foreach (FeatureSpec f in features)
                {
                    w.Line($"{f.Identifier} = {Type("InputChecks")}.Cardinality({String(data.Owner.Name)}, {String(f.Name)}, {CamelCase.From(f.Identifier)}, {f.Width});");
                }
            }

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Each feature's cardinality from <paramref name=\"vocabularies\"/> (a fitted <c>PleGen.Runtime.Data.Preprocessing</c>, or a table it");
            w.Line("/// prepared), by the declared names: its column's training vocabulary size plus 1.");
            w.Line("/// </summary>");
            using (w.Block($"public static {TypeName} FromVocabularies({Type("ICardinalitySource")} vocabularies)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(vocabularies);");
                w.Line($"return new {TypeName}(");
                for (int i = 0; i < features.Length; i++)
                {
                    w.Line($"    vocabularies.CardinalityOf({String(features[i].Name)}){(i == features.Length - 1 ? ");" : ",")}");
                }
            }

            foreach (FeatureSpec f in features)
            {
                w.Line();
                w.Line($"/// <summary>Cardinality of \"{f.Name}\": the rows of its embedding table.</summary>");
                w.Line($"public int {f.Identifier} {{ get; }}");
            }

            w.Line();
            w.Line("/// <summary>Each feature and its cardinality, e.g. for a report.</summary>");
            string parts = string.Join(", ", features.Select(f => $"{SourceWriter.InterpolatedText(f.Name)} {{{f.Identifier}}}"));
            w.Line($"public override string ToString() => $\"{parts}\";");
        }
    }

    /// <summary>How a model's files name the FeatureCardinalities of its data types.</summary>
    public static string TypeReference(ModelPlan plan) => $"{plan.DataTypesReference}.{TypeName}";

    /// <summary>The parameter a model sized by its data is built from; "" for any other model.</summary>
    public static string Parameter(ModelPlan plan) => plan.SizedByData ? TypeReference(plan) + " cardinalities" : "";

    /// <summary><see cref="Parameter"/> followed by ", ", for a parameter list that goes on; "" for any other model.</summary>
    public static string LeadingParameter(ModelPlan plan) => plan.SizedByData ? Parameter(plan) + ", " : "";

    /// <summary>The constructor's doc line for the cardinalities, in a model sized by its data.</summary>
    public static void ParameterDoc(SourceWriter w, ModelPlan plan)
    {
        if (plan.SizedByData)
        {
            w.Line("/// <param name=\"cardinalities\">The rows of the embedding tables of the features declared without a cardinality, e.g. from the training vocabularies.</param>");
        }
    }

    /// <summary>The constructor's first statements in a model sized by its data: the cardinalities checked and kept.</summary>
    public static void StoreParameter(SourceWriter w, ModelPlan plan)
    {
        if (plan.SizedByData)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(cardinalities);");
            w.Line("Cardinalities = cardinalities;");
        }
    }

    /// <summary>
    /// The members a model sized by its data has in either flavor, after the caller's doc comment of <c>Load</c>: a
    /// <c>Load</c> that checks the checkpoint's tables before <paramref name="load"/> reads it, <c>Cardinalities</c>, and
    /// <c>FromCheckpoint</c> (of <paramref name="parameters"/> after the path, building the model with <paramref name="construct"/>).
    /// </summary>
    public static void CheckpointMembers(SourceWriter w, ModelPlan plan, string load, string type, string parameters, string construct)
    {
        w.Line("/// <remarks>The checkpoint's data-sized embedding tables must have the rows this model was built with (see <see cref=\"FromCheckpoint\"/>).</remarks>");
        using (w.Block("public void Load(string path)"))
        {
            // Before any parameter is read: each data-sized table's rows in the file against the model's cardinality.
            w.Line($"var shapes = {Type("SafeTensors")}.Shapes(path);");
            foreach (EmbeddingModule table in plan.DataSizedEmbeddings)
            {
                FeatureSpec f = plan.Features[table.Feature];
                w.Line($"{Type("CheckpointCardinalities")}.Check({String(plan.Model.Name)}, path, shapes, {String(f.Name)}, {String(table.ParameterNames.Single())}, {Rows(table, plan, "Cardinalities")});");
            }

            w.Line(load + ";");
        }

        w.Line();
        w.Member("The cardinalities the model was built with: the rows of its data-sized embedding tables.", $"public {TypeReference(plan)} Cardinalities {{ get; }}");
        w.Line("/// <summary>");
        w.Line("/// Builds the model with the cardinalities <paramref name=\"path\"/> was trained with (the rows of its embedding tables, read");
        w.Line("/// from the file's header) and loads the checkpoint into it.");
        w.Line("/// </summary>");
        using (w.Block($"public static {type} FromCheckpoint(string path, {parameters})"))
        {
            w.Line($"var shapes = {Type("SafeTensors")}.Shapes(path);");
            w.Line($"var cardinalities = new {TypeReference(plan)}(");
            EmbeddingModule[] tables = plan.CardinalityTables.OrderBy(t => t.Feature).ToArray();
            for (int i = 0; i < tables.Length; i++)
            {
                FeatureSpec f = plan.Features[tables[i].Feature];
                w.Line($"    {Type("CheckpointCardinalities")}.Rows({String(plan.Model.Name)}, path, shapes, {String(f.Name)}, {String(tables[i].ParameterNames.Single())}){(i == tables.Length - 1 ? ");" : ",")}");
            }

            w.Line($"var model = {construct};");
            w.Line("model.Load(path);");
            w.Line("return model;");
        }

        w.Line();
    }

    /// <summary>
    /// How <paramref name="holder"/> (the constructor's parameter, or the model's property) gives a table's rows: the member
    /// of a data-sized feature, or the declared constant.
    /// </summary>
    public static string Rows(EmbeddingModule table, ModelPlan plan, string holder)
        => table.CardinalityFromData ? $"{holder}.{plan.Features[table.Feature].Identifier}" : table.Cardinality.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
