using System.Globalization;
using System.Text;

namespace PleGen.Generator.Emit;

/// <summary>One row of the architecture summary, in forward order.</summary>
internal sealed record ModuleRow(string Name, string Kind, int Level, int InputWidth, int OutputWidth, long Parameters, string ReadsFrom, IReadOnlyList<string> Mixes);

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
                        rows.Add(new ModuleRow(table.Path, "Embedding", -1, table.Cardinality, table.Dim, table.Parameters, plan.Features[table.Feature].Name + " ids", none));
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

    /// <summary>The printable table: a heading, one line per module (gates add a line naming what they mix), the total.</summary>
    public static string Table(ModelPlan plan, IReadOnlyList<ModuleRow> rows)
    {
        string levels = plan.Levels == 0 ? "bottom network" : plan.Levels == 1 ? "1 level" : plan.Levels + " levels";
        string tasks = plan.Tasks.Count == 1 ? "1 task" : plan.Tasks.Count + " tasks";
        var header = new[] { "Module", "Kind", "Reads", "In -> Out", "Parameters" };
        var cells = rows.Select(r => new[]
        {
            r.Name,
            r.Kind.ToLowerInvariant(),
            r.ReadsFrom,
            r.InputWidth.ToString(CultureInfo.InvariantCulture) + " -> " + r.OutputWidth.ToString(CultureInfo.InvariantCulture),
            r.Parameters.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList();

        int[] widths = new int[header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            widths[c] = cells.Select(row => row[c].Length).Concat(new[] { header[c].Length }).Max();
        }

        var sb = new StringBuilder();
        sb.Append(plan.Model.Name).Append(": ").Append(plan.ArchitectureName).Append(", ").Append(levels).Append(", ").Append(tasks)
            .Append(", input width ").Append(plan.InputWidth.ToString(CultureInfo.InvariantCulture)).Append('\n');
        AppendRow(sb, header, widths);
        AppendRow(sb, widths.Select(w => new string('-', w)).ToArray(), widths);
        for (int i = 0; i < rows.Count; i++)
        {
            AppendRow(sb, cells[i], widths);
            if (rows[i].Mixes.Count > 0)
            {
                sb.Append("    mixes ").Append(string.Join(", ", rows[i].Mixes)).Append('\n');
            }
        }

        sb.Append("Total parameters: ").Append(plan.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                line.Append("  ");
            }

            // Numbers read best right-aligned; text left-aligned.
            line.Append(c == cells.Length - 1 ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
