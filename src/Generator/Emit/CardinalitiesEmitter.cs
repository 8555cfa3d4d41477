namespace PleGen.Generator.Emit;

/// <summary>
/// <c>FeatureCardinalities</c>, generated with the data types when some categorical feature takes its cardinality from
/// the data: one member per such feature, checked on construction, bound from the vocabularies by the declared names.
/// Every model over the data types is built from one.
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

    /// <summary>
    /// How <paramref name="holder"/> (the constructor's parameter, or the model's property) gives a table's rows: the member
    /// of a data-sized feature, or the declared constant.
    /// </summary>
    public static string Rows(EmbeddingModule table, ModelPlan plan, string holder)
        => table.CardinalityFromData ? $"{holder}.{plan.Features[table.Feature].Identifier}" : table.Cardinality.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
