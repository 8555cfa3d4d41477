using System.Globalization;

namespace PleGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>Architecture</c> class: the model's architecture computed at compile time, as typed
/// constants, a module list and a printable summary table.
/// </summary>
internal static class SummaryEmitter
{
    public static void Emit(SourceWriter w, ModelPlan plan)
    {
        IReadOnlyList<ModuleRow> rows = ArchitectureModules.List(plan);
        string module = Type("ArchitectureModule");

        w.Line($"/// <summary>The architecture of <see cref=\"{plan.Model.Identifier}\"/>, computed by PleGen at compile time from its attributes.</summary>");
        using (w.Block("public static class Architecture"))
        {
            w.Member($"The architecture: {plan.ArchitectureName}.", $"public const string Name = {SourceWriter.Literal(plan.ArchitectureName)};");
            w.Member(plan.Levels == 0 ? "Number of extraction levels (0: this architecture has a bottom network instead)." : "Number of extraction levels.",
                $"public const int Levels = {Int(plan.Levels)};");
            w.Member("Number of tasks.", $"public const int TaskCount = {Int(plan.Tasks.Count)};");
            w.Member("Width of the experts' input: dense features and embeddings, concatenated in declaration order.", $"public const int InputWidth = {Int(plan.InputWidth)};");
            w.Member("Number of trainable parameters of the whole model.", $"public const long TotalParameters = {plan.TotalParameters.ToString(CultureInfo.InvariantCulture)}L;");
            w.Line("/// <summary>Every module in forward order: embeddings, then per level the experts and gates, then bottoms and towers.</summary>");
            w.Initializer($"public static global::System.Collections.Generic.IReadOnlyList<{module}> Modules {{ get; }} = new {module}[]", rows.Select(row =>
            {
                string mixes = row.Mixes.Count == 0 ? "global::System.Array.Empty<string>()" : Literals.Strings(row.Mixes);
                return $"new {module}({SourceWriter.Literal(row.Name)}, {Type("ModuleKind")}.{row.Kind}, {Int(row.Level)}, {Int(row.InputWidth)}, {Int(row.OutputWidth)}, {row.Parameters.ToString(CultureInfo.InvariantCulture)}L, {SourceWriter.Literal(row.ReadsFrom)}, {mixes})";
            }));
            w.Line();
            w.Line("/// <summary>The architecture as a printable table, like Keras' <c>model.summary()</c>.</summary>");
            string[] lines = ArchitectureModules.Table(plan, rows).TrimEnd('\n').Split('\n');
            w.Line("public const string Summary =");
            for (int i = 0; i < lines.Length; i++)
            {
                string end = i == lines.Length - 1 ? ";" : " +";
                w.Line("    " + SourceWriter.Literal(lines[i] + "\n") + end);
            }
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
