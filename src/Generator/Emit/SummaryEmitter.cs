using System.Globalization;

namespace PleGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>Architecture</c> class: the model's architecture computed at compile time, as typed
/// constants, a module list and a printable summary table. A model whose categorical features take their cardinality
/// from the data has the table sizes only when it is built: its parameter count, module list and table are then
/// methods of the cardinalities, the rest stays constant.
/// </summary>
internal static class SummaryEmitter
{
    public static void Emit(SourceWriter w, ModelPlan plan)
    {
        IReadOnlyList<ModuleRow> rows = ArchitectureModules.List(plan);
        string module = Type("ArchitectureModule");
        string cardinalities = CardinalitiesEmitter.Parameter(plan);

        w.Line($"/// <summary>The architecture of <see cref=\"{plan.Model.Identifier}\"/>, computed by PleGen at compile time from its attributes.</summary>");
        using (w.Block("public static class Architecture"))
        {
            w.Member($"The architecture: {plan.ArchitectureName}.", $"public const string Name = {SourceWriter.Literal(plan.ArchitectureName)};");
            w.Member(plan.Levels == 0 ? "Number of extraction levels (0: this architecture has a bottom network instead)." : "Number of extraction levels.",
                $"public const int Levels = {Int(plan.Levels)};");
            w.Member("Number of tasks.", $"public const int TaskCount = {Int(plan.Tasks.Count)};");
            w.Member("Width of the experts' input: dense features and embeddings, concatenated in declaration order.", $"public const int InputWidth = {Int(plan.InputWidth)};");
            string fixedCount = plan.TotalParameters.ToString(CultureInfo.InvariantCulture) + "L";
            if (plan.SizedByData)
            {
                string tables = string.Concat(rows.Where(r => r.Rows is not null).Select(r => " + " + ArchitectureModules.ParametersExpression(r)));
                w.Member("Number of trainable parameters of the whole model built with <paramref name=\"cardinalities\"/>: the fixed part plus each data-sized embedding table's rows x width.",
                    $"public static long TotalParameters({cardinalities}) => {fixedCount}{tables};");
            }
            else
            {
                w.Member("Number of trainable parameters of the whole model.", $"public const long TotalParameters = {fixedCount};");
            }

            string[] items = rows.Select(row =>
            {
                string mixes = row.Mixes.Count == 0 ? "global::System.Array.Empty<string>()" : Literals.Strings(row.Mixes);
                string input = row.Rows is null ? Int(row.InputWidth) : "cardinalities." + row.Rows;
                string parameters = row.Rows is null ? row.Parameters.ToString(CultureInfo.InvariantCulture) + "L" : ArchitectureModules.ParametersExpression(row);
                return $"new {module}({SourceWriter.Literal(row.Name)}, {Type("ModuleKind")}.{row.Kind}, {Int(row.Level)}, {input}, {Int(row.OutputWidth)}, {parameters}, {SourceWriter.Literal(row.ReadsFrom)}, {mixes})";
            }).ToArray();
            string modulesSummary = "Every module in forward order: embeddings, then per level the experts and gates, then bottoms and towers.";
            if (plan.SizedByData)
            {
                w.Line($"/// <summary>{modulesSummary} Data-sized embedding tables have the rows of <paramref name=\"cardinalities\"/>.</summary>");
                using (w.Block($"public static global::System.Collections.Generic.IReadOnlyList<{module}> Modules({cardinalities})"))
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(cardinalities);");
                    w.Initializer($"return new {module}[]", items);
                }
            }
            else
            {
                w.Line($"/// <summary>{modulesSummary}</summary>");
                w.Initializer($"public static global::System.Collections.Generic.IReadOnlyList<{module}> Modules {{ get; }} = new {module}[]", items);
            }

            w.Line();
            EmitTable(w, plan, rows, cardinalities);
        }
    }

    private static void EmitTable(SourceWriter w, ModelPlan plan, IReadOnlyList<ModuleRow> rows, string cardinalities)
    {
        IReadOnlyList<IReadOnlyList<TablePiece>> lines = ArchitectureModules.Table(plan, rows,
            row => $"InOut(cardinalities.{row.Rows}, {Int(row.OutputWidth)})", parameters => $"Count({parameters})");
        w.Line("/// <summary>The architecture as a printable table, like Keras' <c>model.summary()</c>.</summary>");
        if (plan.SizedByData)
        {
            using (w.Block($"public static string Summary({cardinalities})"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(cardinalities);");
                Lines(w, "return", lines);
            }

            w.Line();
            w.Line("private static string InOut(int rows, int width) => rows.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" -> \" + width.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Line();
            w.Line("private static string Count(long parameters) => parameters.ToString(\"N0\", global::System.Globalization.CultureInfo.InvariantCulture);");
        }
        else
        {
            Lines(w, "public const string Summary =", lines);
        }
    }

    /// <summary>The table as one string expression, a line per source line: literals, or interpolated where a line has expressions.</summary>
    private static void Lines(SourceWriter w, string head, IReadOnlyList<IReadOnlyList<TablePiece>> lines)
    {
        w.Line(head);
        for (int i = 0; i < lines.Count; i++)
        {
            string end = i == lines.Count - 1 ? ";" : " +";
            w.Line("    " + Line(lines[i]) + end);
        }
    }

    private static string Line(IReadOnlyList<TablePiece> pieces)
    {
        if (pieces.All(p => p.Expression is null))
        {
            return SourceWriter.Literal(string.Concat(pieces.Select(p => p.Text)) + "\n");
        }

        var text = new System.Text.StringBuilder("$\"");
        foreach (TablePiece piece in pieces)
        {
            text.Append(piece.Expression is null
                ? SourceWriter.InterpolatedText(piece.Text)
                : "{" + piece.Expression + (piece.Width == 0 ? "" : "," + Int(piece.Width)) + "}");
        }

        return text.Append("\\n\"").ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
