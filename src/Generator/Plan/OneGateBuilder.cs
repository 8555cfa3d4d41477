using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// The body of OMoE (the one-gate baseline of the MMoE paper): the shared experts "experts.{e}" over the input and ONE
/// softmax gate "gate" over them, reading the input; every tower reads the gate's mix.
/// </summary>
internal static class OneGateBuilder
{
    public static PlanBody Build(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        const string section = "Experts";
        ResolvedExperts declared = resolver.Shared(0);
        PlanValue input = inputs.Shared;

        // Validation guarantees at least one shared expert (PLE0011 for Count = 0).
        ExpertBankStep bank = GatedLevelsBuilder.Bank(0, null, declared, input, "experts", section, names)!;
        origins.Add(bank.Bank.Field, bank.Bank.Description, declared.UnitsLocation ?? model.ModelAttributeLocation);

        var gateNames = names.Gate(0, null);
        var gate = new GateModule("gate", gateNames.Field, gateNames.ExpertsField, "the gate shared by every task", 0, input.Width, bank.Bank.Experts);
        origins.Add(gate.Field, gate.Description, model.ModelAttributeLocation);
        var fused = new PlanValue(gateNames.Fused, "the gate's mix", bank.Bank.OutputWidth);
        var step = new GateStep(section, new PlanValue(gateNames.Weights, "gate weights", gate.FanIn), fused, input, gate, new[] { bank.Output }.ToEquatableArray());
        return new PlanBody(new List<PlanStep> { bank, step }, levels: 1, tasks.Select(_ => fused).ToArray());
    }
}
