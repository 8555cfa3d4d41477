using System.Globalization;
using System.Text;

namespace PleGen.Generator.Emit;

/// <summary>One row of the architecture summary, in forward order.</summary>
/// <param name="Rows">
/// For an embedding table whose rows come from the data: the FeatureCardinalities member that gives them (its
/// <paramref name="InputWidth"/> and <paramref name="Parameters"/> are then known only at run time); else null.
/// </param>
internal sealed record ModuleRow(string Name, string Kind, int Level, int InputWidth, int OutputWidth, long Parameters, string ReadsFrom, IReadOnlyList<string> Mixes, string? Rows = null);

/// <summary>A piece of a summary line: text, or (in a model sized by its data) a C# expression padded to a column's width.</summary>
/// <param name="Width">The expression's alignment: negative pads on the right (text columns), positive on the left (numbers).</param>
internal sealed record TablePiece(string Text, string? Expression = null, int Width = 0);

/// <summary>Lists a plan's modules in forward order and formats them as a table like Keras' model.summary().</summary>
internal static class ArchitectureModules
{
    public static IReadOnlyList<ModuleRow> List(ModelPlan plan)
    {
        var rows = new List<ModuleRow>();
        var none = new string[0];
        foreach (PlanStep step in plan.Steps)
        {
            switch (step)
            {
                case InputStep input:
                    foreach (EmbeddingModule table in input.Embeddings)
                    {
                        FeatureSpec feature = plan.Features[table.Feature];
                        rows.Add(new ModuleRow(table.Path, "Embedding", -1, table.Cardinality, table.Dim, table.Parameters, feature.Name + " ids", none,
                            table.CardinalityFromData ? feature.Identifier : null));
                    }

                    break;
                case ExpertBankStep bank:
                    rows.AddRange(bank.Bank.Experts.Select(expert => new ModuleRow(expert, "Expert", bank.Bank.Level, bank.Bank.InputWidth, bank.Bank.OutputWidth,
                        bank.Bank.ParametersPerExpert, bank.Input.Description, none)));
                    break;
                case GateStep gate:
                    rows.Add(new ModuleRow(gate.Gate.Path, "Gate", gate.Gate.Level, gate.Gate.InputWidth, gate.Output.Width, gate.Gate.Parameters,
                        gate.Selector.Description, gate.Gate.Experts.ToList()));
                    break;
                case BottomStep bottom:
                    rows.Add(new ModuleRow(bottom.Network.Path, "Bottom", -1, bottom.Network.InputWidth, bottom.Network.OutputWidth, bottom.Network.Parameters,
                        bottom.Input.Description, none));
                    break;
                case LayerStep layer:
                    rows.Add(new ModuleRow(layer.Layer.Path, "Layer", -1, layer.Layer.InputWidth, layer.Layer.OutputWidth, layer.Layer.Parameters, layer.Input.Description, none));
                    break;
                case CrossStitchStep stitch:
                    rows.Add(new ModuleRow(stitch.Unit.Path, "CrossStitch", -1, stitch.Unit.Width, stitch.Unit.Width, stitch.Unit.Parameters, Reads(stitch.Inputs), none));
                    break;
                case SubspaceMixStep mix:
                    rows.Add(new ModuleRow(mix.Unit.Path, "SubspaceMix", -1, mix.Unit.Width, mix.Unit.Width, mix.Unit.Parameters, Reads(mix.Inputs), none));
                    break;
                case LayerMixStep mix:
                    rows.Add(new ModuleRow(mix.Mix.Path, "LayerMix", -1, mix.Mix.Width, mix.Mix.Width, mix.Mix.Parameters, Reads(mix.Inputs), none));
                    break;
                case TowerStep tower:
                    rows.Add(new ModuleRow(tower.Network.Path, "Tower", -1, tower.Network.InputWidth, 1, tower.Network.Parameters, tower.Input.Description, none));
                    break;
            }
        }

        return rows;
    }

    /// <summary>What a step reads, for the "Reads" column: its inputs' descriptions in order.</summary>
    private static string Reads(IEnumerable<PlanValue> inputs) => string.Join(", ", inputs.Select(v => v.Description));

    /// <summary>
    /// The printable table: a heading, one line per module (gates add a line naming what they mix), the total. Each line is
    /// its pieces; only a model sized by its data has expressions, <paramref name="rows"/> and <paramref name="count"/>
    /// saying how to write a table's rows and a parameter count held by <c>cardinalities</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TablePiece>> Table(ModelPlan plan, IReadOnlyList<ModuleRow> rows, Func<ModuleRow, string> inExpression, Func<string, string> count)
    {
        string levels = plan.Levels == 0 ? "bottom network" : plan.Levels == 1 ? "1 level" : plan.Levels + " levels";
        string tasks = plan.Tasks.Count == 1 ? "1 task" : plan.Tasks.Count + " tasks";
        var header = new[] { "Module", "Kind", "Reads", "In -> Out", "Parameters" };
        var cells = rows.Select(r => new[]
        {
            new TablePiece(r.Name),
            new TablePiece(r.Kind.ToLowerInvariant()),
            new TablePiece(r.ReadsFrom),
            r.Rows is null
                ? new TablePiece(Int(r.InputWidth) + " -> " + Int(r.OutputWidth))
                : new TablePiece(NominalRows + " -> " + Int(r.OutputWidth), inExpression(r)),
            r.Rows is null
                ? new TablePiece(r.Parameters.ToString("N0", CultureInfo.InvariantCulture))
                : new TablePiece(NominalCount, count(ParametersExpression(r))),
        }).ToList();

        int[] widths = new int[header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            widths[c] = cells.Select(row => row[c].Text.Length).Concat(new[] { header[c].Length }).Max();
        }

        var lines = new List<IReadOnlyList<TablePiece>>
        {
            new[] { new TablePiece($"{plan.Model.Name}: {plan.ArchitectureName}, {levels}, {tasks}, input width {Int(plan.InputWidth)}") },
            Row(header.Select(h => new TablePiece(h)).ToArray(), widths),
            Row(widths.Select(w => new TablePiece(new string('-', w))).ToArray(), widths),
        };
        for (int i = 0; i < rows.Count; i++)
        {
            lines.Add(Row(cells[i], widths));
            if (rows[i].Mixes.Count > 0)
            {
                lines.Add(new[] { new TablePiece("    mixes " + string.Join(", ", rows[i].Mixes)) });
            }
        }

        lines.Add(plan.SizedByData
            ? new[] { new TablePiece("Total parameters: "), new TablePiece("", count("TotalParameters(cardinalities)")) }
            : new[] { new TablePiece("Total parameters: " + plan.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)) });
        return lines;
    }

    /// <summary>A data-sized table's parameters: its rows (a FeatureCardinalities member) times its width.</summary>
    public static string ParametersExpression(ModuleRow row) => $"{Int(row.OutputWidth)}L * cardinalities.{row.Rows}";

    // The widths a data-sized cell is planned for: a vocabulary of up to 99,999 values keeps the columns aligned, a larger
    // one only widens its own line.
    private const string NominalRows = "99999";
    private const string NominalCount = "9,999,999";

    private static IReadOnlyList<TablePiece> Row(TablePiece[] cells, int[] widths)
    {
        var pieces = new List<TablePiece>();
        var text = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                text.Append("  ");
            }

            // Numbers read best right-aligned; text left-aligned.
            bool right = c == cells.Length - 1;
            if (cells[c].Expression is { } expression)
            {
                pieces.Add(new TablePiece(text.ToString()));
                text.Clear();
                pieces.Add(new TablePiece("", expression, right ? widths[c] : -widths[c]));
            }
            else
            {
                text.Append(right ? cells[c].Text.PadLeft(widths[c]) : cells[c].Text.PadRight(widths[c]));
            }
        }

        pieces.Add(new TablePiece(text.ToString().TrimEnd()));
        return pieces.Where(p => p.Expression is not null || p.Text.Length > 0).ToArray();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
