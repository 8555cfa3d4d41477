using System.Globalization;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// PLE0026 for layers the engine could not allocate, checked on the plan, so the shapes checked are the shapes the model
/// will have: every layer weight is one .NET array. (Embedding tables and the input width depend on features alone and
/// are checked before the plan is built, in <see cref="TensorSizeRules"/>.)
/// </summary>
internal static class PlanLimits
{
    private const string Reason = "every parameter tensor is one .NET array";

    public static void Check(ModelPlan plan, LayerOrigins origins, List<DiagnosticInfo> diagnostics)
    {
        foreach (PlanModule module in plan.Modules)
        {
            // The first layer too large is enough: the ones after it follow from the same arguments.
            foreach (var (input, output) in module.LinearShapes)
            {
                if (!CheckLayer(module.Field, input, output, origins, diagnostics))
                {
                    break;
                }
            }
        }
    }

    private static bool CheckLayer(string field, int input, int output, LayerOrigins origins, List<DiagnosticInfo> diagnostics)
    {
        long elements = (long)input * output;
        if (elements <= Limits.MaxTensorElements)
        {
            return true;
        }

        // Experts that inherit their units share the argument at fault: one report per argument is enough.
        var (what, location) = origins.Of(field);
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
