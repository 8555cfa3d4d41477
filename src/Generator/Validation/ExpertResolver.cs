using PleGen.Generator.Parsing;

namespace PleGen.Generator.Validation;

/// <summary>
/// Resolves expert counts and units per level and task: the most specific declaration wins, each property
/// falling back along the chain (task+level, task, level, general), then to <see cref="Defaults"/>.
/// </summary>
internal sealed class ExpertResolver
{
    private readonly ModelDeclaration _model;
    private readonly int _defaultTaskCount;

    public ExpertResolver(ModelDeclaration model, int levels)
    {
        _model = model;
        Levels = levels;
        _defaultTaskCount = Defaults.TaskExpertCount(model.Architecture);
    }

    public int Levels { get; }

    /// <summary>Shared experts at <paramref name="level"/>.</summary>
    public ResolvedExperts Shared(int level)
    {
        var chain = new List<ExpertDeclaration>();
        chain.AddRange(_model.SharedExperts.Where(e => e.Level.Value == level));
        chain.AddRange(_model.SharedExperts.Where(e => e.Level.Value < 0));
        return Resolve(chain, Defaults.SharedExpertCount, Defaults.ExpertUnits);
    }

    /// <summary>Experts owned by task <paramref name="task"/> (declaration order index) at <paramref name="level"/>.</summary>
    public ResolvedExperts ForTask(int task, int level)
    {
        string name = _model.Tasks[task].Name.Value;
        var chain = new List<ExpertDeclaration>();
        chain.AddRange(_model.TaskExperts.Where(e => e.Task.Value == name && e.Level.Value == level));
        chain.AddRange(_model.TaskExperts.Where(e => e.Task.Value == name && e.Level.Value < 0));
        chain.AddRange(_model.TaskExperts.Where(e => e.Task.Value is null && e.Level.Value == level));
        chain.AddRange(_model.TaskExperts.Where(e => e.Task.Value is null && e.Level.Value < 0));
        return Resolve(chain, _defaultTaskCount, Shared(level).Units);
    }

    private static ResolvedExperts Resolve(List<ExpertDeclaration> chain, int defaultCount, int[] defaultUnits)
    {
        ExpertDeclaration? count = chain.FirstOrDefault(e => e.Count.IsSet);
        ExpertDeclaration? units = chain.FirstOrDefault(e => e.Units.Value is not null);
        return new ResolvedExperts(
            count?.Count.Value ?? defaultCount,
            units?.Units.Value ?? defaultUnits,
            count?.Count.Location,
            units?.Units.Location);
    }
}

/// <summary>Resolved experts of one owner at one level, with where their count and units were declared (if anywhere).</summary>
internal sealed class ResolvedExperts
{
    public ResolvedExperts(int count, int[] units, LocationInfo? countLocation, LocationInfo? unitsLocation)
    {
        Count = count;
        Units = units;
        CountLocation = countLocation;
        UnitsLocation = unitsLocation;
    }

    public int Count { get; }

    public int[] Units { get; }

    public int Width => Units[Units.Length - 1];

    public LocationInfo? CountLocation { get; }

    public LocationInfo? UnitsLocation { get; }
}
