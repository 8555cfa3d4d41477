namespace PleGen.Samples.Experiments;

/// <summary>The optimizers a sample can train with (PyTorch semantics, see PleGen.Runtime).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (default).</summary>
    Adam,

    /// <summary>AdamW with decoupled weight decay 0.01.</summary>
    AdamW,

    /// <summary>SGD with momentum 0.9.</summary>
    Sgd,

    /// <summary>Adagrad.</summary>
    Adagrad,
}
