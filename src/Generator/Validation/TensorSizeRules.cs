using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Generator.Diagnostics;
using PleGen.Generator.Parsing;

namespace PleGen.Generator.Validation;

/// <summary>
/// PLE0026 for tensors the engine could not allocate: every embedding table and layer weight is one .NET array,
/// and so is a batch of the input vector's rows. Widths follow the same routing as the spec (level j reads the
/// fused outputs of level j-1), so the check sees the shapes the model will have.
/// </summary>
internal static class TensorSizeRules
{
    private const string Reason = "every parameter tensor is one .NET array";

    /// <summary>Embedding tables and the input width; before resolution, since they depend on features alone.</summary>
    public static void CheckFeatures(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        long inputWidth = 0;
        foreach (FeatureDeclaration feature in model.Features)
        {
            Arg<int> width = feature.IsCategorical ? feature.EmbeddingDim : feature.Width;
            if (feature.IsCategorical && feature.Cardinality.Value > 0 && feature.EmbeddingDim.Value > 0)
            {
                long elements = (long)feature.Cardinality.Value * feature.EmbeddingDim.Value;
                if (elements > Limits.MaxTensorElements)
                {
                    // Neither argument alone is at fault: point at the attribute.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, feature.AttributeLocation,
                        $"The embedding table of feature '{feature.Name.Value}' ({Count(feature.Cardinality.Value)} x {Count(feature.EmbeddingDim.Value)})",
                        Count(elements) + " elements", Count(Limits.MaxTensorElements), Reason));
                }
            }

            if (width.Value <= 0)
            {
                continue;
            }

            inputWidth += width.Value;
            if (inputWidth > Limits.MaxTensorElements)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, width.Location,
                    $"The input width up to feature '{feature.Name.Value}' (dense widths plus embedding dimensions)",
                    Count(inputWidth), Count(Limits.MaxTensorElements), "the input vector is one array per sample row"));
                return;
            }
        }
    }

    /// <summary>Every linear layer of experts, bottoms, gates and towers, once defaults and overrides are resolved.</summary>
    public static void CheckLayers(ModelDeclaration model, ExpertResolver resolver, int levels, List<DiagnosticInfo> diagnostics)
    {
        int inputWidth = model.Features.Sum(f => f.IsCategorical ? f.EmbeddingDim.Value : f.Width.Value);
        var towerInputs = new int[model.Tasks.Count];
        if (Architectures.HasGates(model.Architecture))
        {
            CheckLevels(model, resolver, levels, inputWidth, towerInputs, diagnostics);
        }
        else
        {
            ResolvedExperts bottom = resolver.Shared(0);
            CheckMlp("the bottom network", inputWidth, bottom.Units, bottom.UnitsLocation ?? model.ModelAttributeLocation, diagnostics);
            for (int t = 0; t < towerInputs.Length; t++)
            {
                towerInputs[t] = bottom.Width;
            }
        }

        for (int t = 0; t < model.Tasks.Count; t++)
        {
            TaskDeclaration task = model.Tasks[t];
            int[] units = (task.Tower.Value ?? new[] { 32 }).Concat(new[] { 1 }).ToArray();
            CheckMlp($"the tower of task '{task.Name.Value}'", towerInputs[t], units, task.Tower.Location ?? task.AttributeLocation, diagnostics);
        }
    }

    private static void CheckLevels(ModelDeclaration model, ExpertResolver resolver, int levels, int inputWidth, int[] towerInputs, List<DiagnosticInfo> diagnostics)
    {
        var taskWidths = Enumerable.Repeat(inputWidth, model.Tasks.Count).ToArray();
        int sharedWidth = inputWidth;
        for (int level = 0; level < levels; level++)
        {
            ResolvedExperts shared = resolver.Shared(level);
            if (shared.Count > 0)
            {
                CheckMlp($"the shared experts at level {level}", sharedWidth, shared.Units, shared.UnitsLocation ?? model.ModelAttributeLocation, diagnostics);
            }

            int allExperts = shared.Count;
            int firstTaskWidth = 0;
            for (int t = 0; t < model.Tasks.Count; t++)
            {
                ResolvedExperts own = resolver.ForTask(t, level);
                string task = model.Tasks[t].Name.Value;
                if (own.Count > 0)
                {
                    CheckMlp($"the experts of task '{task}' at level {level}", taskWidths[t], own.Units, own.UnitsLocation ?? shared.UnitsLocation ?? model.ModelAttributeLocation, diagnostics);
                    firstTaskWidth = firstTaskWidth == 0 ? own.Width : firstTaskWidth;
                }

                CheckLinear($"the gate of task '{task}' at level {level}", taskWidths[t], own.Count + shared.Count, model.ModelAttributeLocation, diagnostics);
                allExperts += own.Count;
                taskWidths[t] = own.Count > 0 ? own.Width : shared.Width;
            }

            if (level < levels - 1)
            {
                CheckLinear($"the shared gate at level {level}", sharedWidth, allExperts, model.ModelAttributeLocation, diagnostics);
                sharedWidth = shared.Count > 0 ? shared.Width : firstTaskWidth;
            }
        }

        taskWidths.CopyTo(towerInputs, 0);
    }

    private static void CheckMlp(string what, int input, int[] units, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        int width = input;
        foreach (int unit in units)
        {
            if (!CheckLinear(what, width, unit, location, diagnostics))
            {
                return;
            }

            width = unit;
        }
    }

    private static bool CheckLinear(string what, int input, int output, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        long elements = (long)input * output;
        if (elements <= Limits.MaxTensorElements)
        {
            return true;
        }

        // Experts that inherit their units share the argument at fault: one report per argument is enough.
        if (diagnostics.Any(d => d.Descriptor == DiagnosticDescriptors.SizeBeyondLimits && d.Location == location))
        {
            return false;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, location,
            $"A weight of {what} (Linear({Plain(input)}, {Plain(output)}))", Count(elements) + " elements", Count(Limits.MaxTensorElements), Reason));
        return false;
    }

    private static string Plain(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
