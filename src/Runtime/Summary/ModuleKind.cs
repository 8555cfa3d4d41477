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

    /// <summary>One layer of a task's column (cross-stitch networks): a Linear layer, the activation and dropout.</summary>
    Layer,

    /// <summary>A cross-stitch unit: a learned linear mix of every task's column after a layer.</summary>
    CrossStitch,

    /// <summary>A sluice network's alpha unit: a learned linear mix of every task's subspaces after a layer.</summary>
    SubspaceMix,

    /// <summary>A sluice network's beta unit: a task's learned weighted sum of its column's layer outputs, read by its tower.</summary>
    LayerMix,
}
