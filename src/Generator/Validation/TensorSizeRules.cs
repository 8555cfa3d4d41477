using System.Globalization;
using PleGen.Generator.Parsing;

namespace PleGen.Generator.Validation;

/// <summary>
/// PLE0026 for what features alone make too large: an embedding table (one .NET array) and the input vector (one array
/// per batch of rows). Layers are checked on the plan (<see cref="Plan.PlanLimits"/>).
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

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
