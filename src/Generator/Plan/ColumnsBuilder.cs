using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// Column architectures: a column of layers per task ("columns.{task}.{l}", the shared experts' Units), mixed across
/// the columns after every layer. Cross-stitch (Misra et al., CVPR 2016) mixes whole columns ("stitches.{l}") and a
/// tower reads its column's last mix; sluice (Ruder et al., AAAI 2019) mixes every task's subspaces ("alphas.{l}") and
/// a tower reads its task's beta mix of every layer's mix ("betas.{task}").
/// </summary>
internal static class ColumnsBuilder
{
    public static PlanBody CrossStitch(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        var (steps, columns) = Columns(model, resolver, tasks, inputs, names, origins, (layer, section, width, outputs) =>
        {
            var unit = new CrossStitchModule($"stitches.{layer}", names.StitchField(layer), $"the cross-stitch unit after layer {layer}", tasks.Count, width, model.SelfWeight.Value);
            var stitched = tasks.Select(t => new PlanValue(names.StitchedLocal(t, layer), $"{t.Name} stitched (layer {layer})", width)).ToEquatableArray();
            return (new CrossStitchStep(section, stitched, outputs, unit), stitched);
        });

        return new PlanBody(steps, levels: 0, columns);
    }

    public static PlanBody Sluice(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        var mixedPerTask = tasks.Select(_ => new List<PlanValue>()).ToArray();
        int subspaces = model.Subspaces.Value;
        var (steps, _) = Columns(model, resolver, tasks, inputs, names, origins, (layer, section, width, outputs) =>
        {
            var unit = new SubspaceMixModule($"alphas.{layer}", names.AlphaField(layer), $"the alpha unit after layer {layer}", tasks.Count, subspaces, width, model.SelfWeight.Value);
            var mixed = tasks.Select(t => new PlanValue(names.MixedLocal(t, layer), $"{t.Name} after alpha (layer {layer})", width)).ToEquatableArray();
            foreach (TaskSpec task in tasks)
            {
                mixedPerTask[task.Index].Add(mixed[task.Index]);
            }

            return (new SubspaceMixStep(section, mixed, outputs, unit), mixed);
        });

        var towerInputs = new PlanValue[tasks.Count];
        foreach (TaskSpec task in tasks)
        {
            List<PlanValue> layers = mixedPerTask[task.Index];
            var (field, local) = names.LayerMix(task);
            var mix = new LayerMixModule($"betas.{task.Name}", field, $"the layer mix of task '{task.Name}'", layers.Count, layers[0].Width);
            var step = new LayerMixStep("Layer mixes", new PlanValue(local, $"{task.Name} layer mix", mix.Width), layers.ToEquatableArray(), mix);
            steps.Add(step);
            towerInputs[task.Index] = step.Output;
        }

        var body = new PlanBody(steps, levels: 0, towerInputs);
        if (model.OrthogonalityWeight.Value > 0)
        {
            var columnLayers = steps.OfType<LayerStep>().Select(l => l.Layer).ToEquatableArray();
            body.Penalties.Add(new OrthogonalityLossTerm(model.OrthogonalityWeight.Value, subspaces, columnLayers));
        }

        return body;
    }

    /// <summary>
    /// Every column's layers, layer by layer: one <see cref="LayerStep"/> per column reading its previous value, then the
    /// step <paramref name="mix"/>(layer, section, width, the layers' outputs) makes, with what each column's next layer
    /// reads. Returns the steps and the last mix.
    /// </summary>
    private static (List<PlanStep> Steps, PlanValue[] Last) Columns(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs,
        PlanNames names, LayerOrigins origins, Func<int, string, int, EquatableArray<PlanValue>, (PlanStep Step, EquatableArray<PlanValue> Outputs)> mix)
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

            var (mixing, outputs) = mix(l, section, declared.Units[l], columns.ToEquatableArray());
            steps.Add(mixing);
            columns = outputs.ToArray();
        }

        return (steps, columns);
    }
}
