namespace PleGen;

/// <summary>What a task predicts, which fixes its loss and its evaluation metric.</summary>
public enum TaskKind
{
    /// <summary>Binary classification: one logit, binary cross-entropy loss, ROC AUC.</summary>
    Binary = 0,

    /// <summary>Regression: one value, mean squared error loss and metric.</summary>
    Regression = 1,
}
