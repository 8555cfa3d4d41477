namespace PleGen;

/// <summary>What a module of a generated model is.</summary>
public enum ModuleKind
{
    /// <summary>An embedding table of a categorical feature.</summary>
    Embedding,

    /// <summary>An expert MLP of an extraction level.</summary>
    Expert,

    /// <summary>A softmax gate that mixes experts.</summary>
    Gate,

    /// <summary>A bottom network (shared-bottom and single-task models).</summary>
    Bottom,

    /// <summary>A task tower: an MLP and a linear output layer.</summary>
    Tower,
}
