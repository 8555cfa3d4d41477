using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>Architecture</c> class: the model's architecture computed at compile time, as typed
/// constants, a module list and a printable summary table.
/// </summary>
internal static class SummaryEmitter
{
    private const string Modules = "global::PleGen.ArchitectureModule";

    public static void Emit(SourceWriter w, ModelSpec spec)
    {
        IReadOnlyList<ModuleRow> rows = ArchitectureModules.List(spec);

        w.Line($"/// <summary>The architecture of <see cref=\"{spec.ClassIdentifier}\"/>, computed by PleGen at compile time from its attributes.</summary>");
        using (w.Block("public static class Architecture"))
        {
            w.Line($"/// <summary>The architecture: {spec.ArchitectureName}.</summary>");
            w.Line($"public const string Name = {SourceWriter.Literal(spec.ArchitectureName)};");
            w.Line();
            w.Line(spec.Levels.Count == 0
                ? "/// <summary>Number of extraction levels (0: this architecture has a bottom network instead).</summary>"
                : "/// <summary>Number of extraction levels.</summary>");
            w.Line($"public const int Levels = {spec.Levels.Count.ToString(CultureInfo.InvariantCulture)};");
            w.Line();
            w.Line("/// <summary>Number of tasks.</summary>");
            w.Line($"public const int TaskCount = {spec.Tasks.Count.ToString(CultureInfo.InvariantCulture)};");
            w.Line();
            w.Line("/// <summary>Width of the experts' input: dense features and embeddings, concatenated in declaration order.</summary>");
            w.Line($"public const int InputWidth = {spec.InputWidth.ToString(CultureInfo.InvariantCulture)};");
            w.Line();
            w.Line("/// <summary>Number of trainable parameters of the whole model.</summary>");
            w.Line($"public const long TotalParameters = {spec.TotalParameters.ToString(CultureInfo.InvariantCulture)}L;");
            w.Line();
            w.Line("/// <summary>Every module in forward order: embeddings, then per level the experts and gates, then bottoms and towers.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Modules}> Modules {{ get; }} = new {Modules}[]");
            w.Line("{");
            foreach (ModuleRow row in rows)
            {
                string mixes = row.Mixes.Count == 0
                    ? "global::System.Array.Empty<string>()"
                    : "new[] { " + string.Join(", ", row.Mixes.Select(SourceWriter.Literal)) + " }";
                w.Line($"    new {Modules}({SourceWriter.Literal(row.Name)}, global::PleGen.ModuleKind.{row.Kind}, {Int(row.Level)}, {Int(row.InputWidth)}, {Int(row.OutputWidth)}, {row.Parameters.ToString(CultureInfo.InvariantCulture)}L, {SourceWriter.Literal(row.ReadsFrom)}, {mixes}),");
            }

            w.Line("};");
            w.Line();
            w.Line("/// <summary>The architecture as a printable table, like Keras' <c>model.summary()</c>.</summary>");
            string[] lines = ArchitectureModules.Table(spec, rows).TrimEnd('\n').Split('\n');
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
