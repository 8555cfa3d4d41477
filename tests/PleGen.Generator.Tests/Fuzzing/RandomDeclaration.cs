using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PleGen.Generator.Tests.Fuzzing;

/// <summary>
/// A random declaration that is valid by construction, as editable parts, so a test can apply exactly one
/// known-invalid mutation to it and know which diagnostic must follow.
/// </summary>
internal sealed class RandomDeclaration
{
    private static readonly string[] TaskNamePool =
    {
        "income", "never_married", "ctr", "cvr", "watch_time", "share", "größe", "宽度", "_like2", "Retention", "dwell_ms", "ÉTÉ",
    };

    private static readonly string[] FeatureNamePool =
    {
        "age", "wage", "user", "item_id", "städte", "区域", "_bias", "education", "x", "occupation", "hour7", "Ωmega",
    };

    public static readonly string[] Architectures = { "PleModel", "CgcModel", "MmoeModel", "MultiLevelMmoeModel", "SharedBottomModel", "SingleTaskModel", "SluiceModel" };

    public string Architecture = "PleModel";
    public List<string> ModelArguments = new();
    public List<string> ExpertAttributes = new();
    public List<(string Name, string Attribute)> Tasks = new();
    public List<string> Features = new();
    public string ClassName = "Model";
    public string Modifiers = "public partial";
    public string TypeParameters = "";
    public bool InNamespace = true;
    public bool Nested;
    public string Extra = "";
    public int Levels = 1;
    public int Width = 8;
    public int Subspaces = 2;

    public bool IsGated => Architecture is not ("SharedBottomModel" or "SingleTaskModel" or "SluiceModel");

    public bool IsSluice => Architecture == "SluiceModel";

    public bool HasTaskExperts => Architecture is "PleModel" or "CgcModel";

    public bool IsMultiLevel => Architecture is "PleModel" or "MultiLevelMmoeModel";

    public static RandomDeclaration Create(Random random)
    {
        var d = new RandomDeclaration
        {
            Architecture = Architectures[random.Next(Architectures.Length)],
            ClassName = "Model" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            InNamespace = random.Next(3) > 0,
            Nested = random.Next(4) == 0,
            Width = Pick(random, 1, 2, 7, 32, 64),
        };

        // Levels: several only where the architecture allows them; sometimes left to the default.
        if (d.IsMultiLevel)
        {
            d.Levels = random.Next(1, 5);
            if (d.Levels == 2 && random.Next(2) == 0)
            {
                // Rely on the default of 2.
            }
            else
            {
                d.ModelArguments.Add("Levels = " + d.Levels);
            }
        }
        else if (random.Next(3) == 0)
        {
            d.ModelArguments.Add("Levels = 1");
        }

        if (random.Next(2) == 0)
        {
            d.ModelArguments.Add("Dropout = " + Pick(random, "0", "0.1", "0.5", "0.999"));
        }

        if (random.Next(3) == 0)
        {
            d.ModelArguments.Add("Activation = Activation." + Pick(random, "Relu", "Tanh", "Sigmoid"));
        }

        int taskCount = d.Architecture == "SingleTaskModel" ? random.Next(1, 4) : random.Next(2, 5);
        foreach (string name in TaskNamePool.OrderBy(_ => random.Next()).Take(taskCount))
        {
            var args = new List<string> { Quote(name), "TaskKind." + Pick(random, "Binary", "Regression") };
            if (random.Next(2) == 0)
            {
                args.Add("Tower = " + Units(random, random.Next(0, 3), last: null));
            }

            if (random.Next(3) == 0)
            {
                args.Add("LossWeight = " + Pick(random, "0.5", "1", "2.5", "1e-3"));
            }

            if (random.Next(3) == 0)
            {
                args.Add("LossWeightDecay = " + Pick(random, "0.9", "1.0", "0.5"));
            }

            if (random.Next(3) == 0)
            {
                args.Add("Masked = true");
            }

            d.Tasks.Add((name, $"[Task({string.Join(", ", args)})]"));
        }

        int featureCount = random.Next(1, 5);
        foreach (string name in FeatureNamePool.OrderBy(_ => random.Next()).Take(featureCount))
        {
            d.Features.Add(random.Next(3) switch
            {
                0 => $"[DenseFeature({Quote(name)}{(random.Next(2) == 0 ? "" : ", " + Pick(random, 1, 3, 100, 4096))})]",
                1 => $"[CategoricalFeature({Quote(name)}, {Pick(random, 1, 2, 17, 1_000_000)}, {Pick(random, 1, 4, 16)})]",
                _ => $"[CategoricalFeature({Quote(name)}, EmbeddingDim = {Pick(random, 1, 4, 16)})]", // cardinality from the data
            });
        }

        d.AddExperts(random);
        return d;
    }

    private void AddExperts(Random random)
    {
        if (IsSluice)
        {
            // Every layer of one width, divisible by the subspaces; the penalty only where there are subspaces to keep apart.
            Subspaces = Pick(random, 1, 2, 2, 4);
            Width = Subspaces * Pick(random, 1, 3, 8);
            if (Subspaces != 2 || random.Next(2) == 0)
            {
                ModelArguments.Add("Subspaces = " + Subspaces);
            }

            if (Subspaces > 1 && random.Next(2) == 0)
            {
                ModelArguments.Add("OrthogonalityWeight = " + Pick(random, "0", "0.01", "1"));
            }

            if (random.Next(3) == 0)
            {
                ModelArguments.Add("SelfWeight = " + Pick(random, "0", "0.5", "1"));
            }

            ExpertAttributes.Add($"[SharedExperts(Units = [{string.Join(", ", Enumerable.Repeat(Width, random.Next(1, 4)))}])]");
            return;
        }

        if (!IsGated)
        {
            ExpertAttributes.Add(random.Next(2) == 0
                ? $"[SharedExperts(Units = {Units(random, random.Next(1, 3), Width)})]"
                : $"[SharedExperts(Count = 1, Units = {Units(random, random.Next(1, 3), Width)})]");
            return;
        }

        int taskCount = HasTaskExperts ? random.Next(0, 3) : 0;
        // A gate needs something to mix: without task experts, at least one shared expert.
        int sharedCount = taskCount == 0 ? random.Next(1, 4) : random.Next(0, 3);
        ExpertAttributes.Add($"[SharedExperts(Count = {sharedCount}, Units = {Units(random, random.Next(1, 3), Width)})]");
        if (HasTaskExperts)
        {
            ExpertAttributes.Add($"[TaskExperts(Count = {taskCount}, Units = {Units(random, random.Next(1, 3), Width)})]");
            if (random.Next(2) == 0)
            {
                string task = Tasks[random.Next(Tasks.Count)].Name;
                int level = random.Next(-1, Levels);
                int count = sharedCount == 0 ? random.Next(1, 3) : random.Next(0, 3);
                ExpertAttributes.Add($"[TaskExperts(Task = {Quote(task)}, Level = {level}, Count = {count})]");
            }
        }

        if (Levels > 1 && random.Next(2) == 0)
        {
            int level = random.Next(0, Levels);
            ExpertAttributes.Add($"[SharedExperts(Level = {level}, Units = {Units(random, 1, Width)})]");
        }
    }

    public string Render()
    {
        var sb = new StringBuilder("using PleGen;\n\n");
        if (InNamespace)
        {
            sb.Append("namespace Fuzz;\n\n");
        }

        if (Nested)
        {
            sb.Append("public static partial class Outer\n{\n");
        }

        string model = ModelArguments.Count == 0 ? Architecture : $"{Architecture}({string.Join(", ", ModelArguments)})";
        sb.Append('[').Append(model).Append("]\n");
        foreach (string line in ExpertAttributes.Concat(Tasks.Select(t => t.Attribute)).Concat(Features))
        {
            sb.Append(line).Append('\n');
        }

        sb.Append(Modifiers).Append(" class ").Append(ClassName).Append(TypeParameters).Append(" { }\n");
        if (Nested)
        {
            sb.Append("}\n");
        }

        return sb.Append(Extra).ToString();
    }

    public static string Quote(string text) => "\"" + text + "\"";

    public static string Units(Random random, int count, int? last)
    {
        var units = Enumerable.Range(0, count).Select(_ => Pick(random, 1, 3, 16, 64, 256)).ToList();
        if (last is int width)
        {
            if (units.Count == 0)
            {
                units.Add(width);
            }
            else
            {
                units[units.Count - 1] = width;
            }
        }

        return "[" + string.Join(", ", units) + "]";
    }

    public static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];
}
