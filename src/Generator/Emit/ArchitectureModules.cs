using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>One row of the architecture summary, in forward order.</summary>
internal sealed record ModuleRow(string Name, string Kind, int Level, int InputWidth, int OutputWidth, long Parameters, string ReadsFrom, IReadOnlyList<string> Mixes);

/// <summary>Lists a spec's modules in forward order and formats them as a table like Keras' model.summary().</summary>
internal static class ArchitectureModules
{
    public static IReadOnlyList<ModuleRow> List(ModelSpec spec)
    {
        var rows = new List<ModuleRow>();
        foreach (FeatureSpec feature in spec.Features)
        {
            foreach (string table in feature.EmbeddingTables)
            {
                rows.Add(new ModuleRow(table, "Embedding", -1, feature.Cardinality, feature.Width, feature.ParametersPerTable,
                    feature.Name + " ids", new string[0]));
            }
        }

        foreach (LevelSpec level in spec.Levels)
        {
            foreach (ExpertGroupSpec group in level.TaskExperts.Concat(new[] { level.Shared }))
            {
                AddExperts(rows, spec, group, "Expert");
            }

            foreach (GateSpec gate in level.SharedGate is null ? level.TaskGates : level.TaskGates.Concat(new[] { level.SharedGate }))
            {
                rows.Add(new ModuleRow(gate.Name, "Gate", gate.Level, gate.InputWidth, gate.OutputWidth, gate.Parameters,
                    gate.Selector.Describe(spec.Tasks), gate.Experts.ToList()));
            }
        }

        foreach (ExpertGroupSpec bottom in spec.Bottoms)
        {
            AddExperts(rows, spec, bottom, "Bottom");
        }

        foreach (TowerSpec tower in spec.Towers)
        {
            string reads = spec.Bottoms.Count == 0
                ? tower.Input.Describe(spec.Tasks)
                : spec.Bottoms.Count == 1 ? "bottom" : "bottoms." + spec.Tasks[tower.TaskIndex].Name;
            rows.Add(new ModuleRow(tower.Prefix, "Tower", -1, tower.InputWidth, 1, tower.Parameters, reads, new string[0]));
        }

        return rows;
    }

    private static void AddExperts(List<ModuleRow> rows, ModelSpec spec, ExpertGroupSpec group, string kind)
    {
        for (int e = 0; e < group.Count; e++)
        {
            rows.Add(new ModuleRow(group.ExpertName(e), kind, group.IsBottom ? -1 : group.Level, group.InputWidth, group.OutputWidth,
                group.ParametersPerExpert, group.Input.Describe(spec.Tasks), new string[0]));
        }
    }

    /// <summary>The printable table: a heading, one line per module (gates add a line naming what they mix), the total.</summary>
    public static string Table(ModelSpec spec, IReadOnlyList<ModuleRow> rows)
    {
        string levels = spec.Levels.Count == 0 ? "bottom network" : spec.Levels.Count == 1 ? "1 level" : spec.Levels.Count + " levels";
        string tasks = spec.Tasks.Count == 1 ? "1 task" : spec.Tasks.Count + " tasks";
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
        sb.Append(spec.ClassName).Append(": ").Append(spec.ArchitectureName).Append(", ").Append(levels).Append(", ").Append(tasks)
            .Append(", input width ").Append(spec.InputWidth.ToString(CultureInfo.InvariantCulture)).Append('\n');
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

        sb.Append("Total parameters: ").Append(spec.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)).Append('\n');
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
