namespace PleGen.Runtime.Data;

/// <summary>Columns a generated Dataset binds by the names declared in the model's attributes.</summary>
public interface IColumnSource
{
    /// <summary>Rows (samples) every array has.</summary>
    int RowCount { get; }

    /// <summary>Dense feature values, row-major [RowCount, width].</summary>
    /// <param name="feature">The dense feature's declared name.</param>
    /// <param name="width">The declared width.</param>
    float[] Dense(string feature, int width);

    /// <summary>Categorical ids in [0, cardinality) (0: out of vocabulary).</summary>
    /// <param name="feature">The categorical feature's declared name.</param>
    /// <param name="cardinality">The declared cardinality (embedding rows).</param>
    int[] Categorical(string feature, int cardinality);

    /// <summary>
    /// Categorical ids of a feature that takes its cardinality from the data (declared without one): ids as encoded, each
    /// at least 0; the model built from the same vocabularies checks the upper bound.
    /// </summary>
    /// <param name="feature">The categorical feature's declared name.</param>
    int[] Categorical(string feature) => Categorical(feature, int.MaxValue);

    /// <summary>Labels of a task: 0/1 for binary tasks (validated), any finite value for regression.</summary>
    /// <param name="task">The task's declared name.</param>
    /// <param name="kind">The task's declared kind.</param>
    float[] Labels(string task, global::PleGen.TaskKind kind);

    /// <summary>The task's 0/1 sample-space mask (PLE Eq. 9), or null when the task has no mask column.</summary>
    /// <param name="task">The task's declared name.</param>
    float[]? Mask(string task);
}
