using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// The body of cross-stitch networks (Misra et al., CVPR 2016): one column of layers per task over the input
/// ("columns.{task}.{l}", the shared experts' Units); after every layer the cross-stitch unit "stitches.{l}" mixes the
/// columns, x'_k = sum_j alpha_kj x_j, and layer l+1 of column k reads x'_k. Each tower reads its column's last mix.
/// </summary>
internal static class CrossStitchBuilder
{
    public static PlanBody Build(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        ResolvedExperts declared = resolver.Shared(0);
        var steps = new List<PlanStep>();
        var columns = tasks.Select(_ => inputs.Shared).ToArray();
        for (int l = 0; l < declared.Units.Length; l++)
        {
            string section = "Layer " + l;
            foreach (TaskSpec task in tasks)
            {
                var (field, local) = names.ColumnLayer(task, l);
                var layer = new LinearModule($"columns.{task.Name}.{l}", field, $"layer {l} of the column of task '{task.Name}'", columns[task.Index].Width, declared.Units[l]);
                origins.Add(field, layer.Description, declared.UnitsLocation ?? model.ModelAttributeLocation);
                var step = new LayerStep(section, new PlanValue(local, layer.Path, layer.OutputWidth), columns[task.Index], layer);
                steps.Add(step);
                columns[task.Index] = step.Output;
            }

            var unit = new CrossStitchModule($"stitches.{l}", names.StitchField(l), $"the cross-stitch unit after layer {l}", tasks.Count, declared.Units[l], model.SelfWeight.Value);
            var outputs = tasks.Select(t => new PlanValue(names.StitchedLocal(t, l), $"{t.Name} stitched (layer {l})", declared.Units[l])).ToEquatableArray();
            steps.Add(new CrossStitchStep(section, outputs, columns.ToEquatableArray(), unit));
            columns = outputs.ToArray();
        }

        return new PlanBody(steps, levels: 0, columns);
    }
}
