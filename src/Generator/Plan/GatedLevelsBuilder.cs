using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// The body of the gated architectures (PLE, CGC, MMoE, ML-MMoE): per level, the shared and task-specific expert banks,
/// a gate per task over its own and the shared experts, and (every level but the last) a shared gate over all experts.
/// Level j reads level j-1's fused outputs: task k's modules the output of k's gate, the shared ones the shared gate's.
/// </summary>
internal static class GatedLevelsBuilder
{
    public static PlanBody Build(ModelDeclaration model, ExpertResolver resolver, int levels, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        var steps = new List<PlanStep>();
        var taskValues = tasks.Select(t => inputs.For(t.Index)).ToArray();
        PlanValue sharedValue = inputs.Shared;

        for (int level = 0; level < levels; level++)
        {
            string section = "Level " + level;
            ResolvedExperts sharedExperts = resolver.Shared(level);
            bool hasSharedGate = level < levels - 1;

            // Shared modules claim names first (see PlanNames).
            ExpertBankStep? shared = Bank(level, null, sharedExperts, sharedValue, $"levels.{level}.shared", section, names);
            var sharedGateNames = hasSharedGate ? names.Gate(level, null) : default;
            if (shared is not null)
            {
                origins.Add(shared.Bank.Field, shared.Bank.Description, sharedExperts.UnitsLocation ?? model.ModelAttributeLocation);
            }

            var taskBanks = new ExpertBankStep?[tasks.Count];
            var gates = new List<GateStep>();
            foreach (TaskSpec task in tasks)
            {
                ResolvedExperts own = resolver.ForTask(task.Index, level);
                PlanValue reads = taskValues[task.Index];
                ExpertBankStep? bank = Bank(level, task, own, reads, $"levels.{level}.tasks.{task.Name}", section, names);
                if (bank is not null)
                {
                    origins.Add(bank.Bank.Field, bank.Bank.Description, own.UnitsLocation ?? sharedExperts.UnitsLocation ?? model.ModelAttributeLocation);
                }

                taskBanks[task.Index] = bank;
                var mixed = new[] { bank, shared }.Where(b => b is not null).Select(b => b!).ToList();
                var gateNames = names.Gate(level, task);
                var gate = new GateModule($"gates.{task.Name}.{level}", gateNames.Field, gateNames.ExpertsField, $"the gate of task '{task.Name}' at level {level}",
                    level, reads.Width, mixed.SelectMany(b => b.Bank.Experts).ToEquatableArray());
                origins.Add(gate.Field, gate.Description, model.ModelAttributeLocation);
                var fused = new PlanValue(gateNames.Fused, $"{task.Name} fused (level {level})", mixed[0].Bank.OutputWidth);
                gates.Add(new GateStep(section, new PlanValue(gateNames.Weights, $"gate weights of {task.Name} (level {level})", gate.FanIn), fused, reads, gate,
                    mixed.Select(b => b.Output).ToEquatableArray()));
            }

            steps.AddRange(taskBanks.Where(b => b is not null).Select(b => b!));
            if (shared is not null)
            {
                steps.Add(shared);
            }

            steps.AddRange(gates);
            if (hasSharedGate)
            {
                var all = taskBanks.Concat(new[] { shared }).Where(b => b is not null).Select(b => b!).ToList();
                var gate = new GateModule($"shared_gates.{level}", sharedGateNames.Field, sharedGateNames.ExpertsField, $"the shared gate at level {level}",
                    level, sharedValue.Width, all.SelectMany(b => b.Bank.Experts).ToEquatableArray());
                origins.Add(gate.Field, gate.Description, model.ModelAttributeLocation);
                var fused = new PlanValue(sharedGateNames.Fused, $"shared fused (level {level})", (shared ?? all[0]).Bank.OutputWidth);
                steps.Add(new GateStep(section, new PlanValue(sharedGateNames.Weights, $"shared gate weights (level {level})", gate.FanIn), fused, sharedValue, gate,
                    all.Select(b => b.Output).ToEquatableArray()));
                sharedValue = fused;
            }

            // One gate per task, in task order.
            for (int t = 0; t < gates.Count; t++)
            {
                taskValues[t] = gates[t].Output;
            }
        }

        return new PlanBody(steps, levels, taskValues);
    }

    /// <summary>The bank of <paramref name="experts"/> over <paramref name="input"/>, experts named "{prefix}.{e}"; null when there are none.</summary>
    internal static ExpertBankStep? Bank(int level, TaskSpec? owner, ResolvedExperts experts, PlanValue input, string prefix, string section, PlanNames names)
    {
        if (experts.Count == 0)
        {
            return null;
        }

        var (field, local) = names.ExpertBank(level, owner);
        var expertNames = Enumerable.Range(0, experts.Count).Select(e => prefix + "." + e).ToEquatableArray();
        string description = owner is null ? $"the shared experts at level {level}" : $"the experts of task '{owner.Name}' at level {level}";
        var bank = new ExpertBankModule(field, description, level, expertNames, expertNames.Select(n => n + ".layers").ToEquatableArray(),
            input.Width, experts.Units.ToEquatableArray());
        return new ExpertBankStep(section, new PlanValue(local, description, bank.OutputWidth), input, bank);
    }
}
