using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Training;

/// <summary>
/// The managed flavor's session: a generated model and one of the engine's optimizers. Every step and every prediction
/// runs in a pooled <see cref="TensorScope"/>, predictions under <see cref="Autograd.NoGrad"/>.
/// </summary>
public sealed class ManagedTrainingSession<TDataset> : ITrainingSession<TDataset>
{
    private readonly ITrainableModel<TDataset> _model;
    private readonly Optimizer? _optimizer;
    private readonly BufferPool _pool;
    private float[][]? _best;

    /// <summary>Trains <paramref name="model"/> with <paramref name="optimizer"/> (built over the model's parameters).</summary>
    public ManagedTrainingSession(ITrainableModel<TDataset> model, Optimizer optimizer, BufferPool? pool = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _pool = pool ?? new BufferPool();
    }

    // Evaluation only (Evaluation.Run over a bare model): predictions, no steps.
    private ManagedTrainingSession(ITrainableModel<TDataset> model, BufferPool? pool)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _pool = pool ?? new BufferPool();
    }

    internal static ManagedTrainingSession<TDataset> ForEvaluation(ITrainableModel<TDataset> model, BufferPool? pool) => new(model, pool);

    /// <summary>The model this session trains.</summary>
    public ITrainableModel<TDataset> Model => _model;

    /// <inheritdoc />
    public IReadOnlyList<TaskInfo> TaskInfos => _model.TaskInfos;

    /// <inheritdoc />
    public bool Training
    {
        get => _model.Training;
        set => _model.Training = value;
    }

    /// <inheritdoc />
    public double LearningRate
    {
        get => Optimizer.LearningRate;
        set => Optimizer.LearningRate = value;
    }

    /// <inheritdoc />
    public int Count(TDataset data) => _model.Count(data);

    /// <inheritdoc />
    /// <remarks>Gradients are cleared even when the step fails, so a failed step leaves none for the next one to add to.</remarks>
    public float Step(TDataset data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses)
    {
        using var scope = new TensorScope(_pool);
        Optimizer optimizer = Optimizer;
        try
        {
            float total = _model.TrainStep(data, rows, epoch, taskLosses);
            optimizer.Step();
            return total;
        }
        finally
        {
            optimizer.ZeroGrad();
        }
    }

    /// <inheritdoc />
    public void Predict(TDataset data, ReadOnlySpan<int> rows, Span<float> predictions)
    {
        using var noGrad = Autograd.NoGrad();
        using var scope = new TensorScope(_pool);
        _model.Predict(data, rows, predictions);
    }

    /// <inheritdoc />
    public ReadOnlySpan<float> Labels(TDataset data, int task) => _model.Labels(data, task);

    /// <inheritdoc />
    public ReadOnlySpan<float> Mask(TDataset data, int task) => _model.Mask(data, task);

    /// <inheritdoc />
    public void KeepBestParameters()
    {
        IReadOnlyList<NamedTensor> parameters = _model.Parameters;
        _best ??= parameters.Select(p => new float[p.Tensor.Length]).ToArray();
        for (int i = 0; i < _best.Length; i++)
        {
            parameters[i].Tensor.Data.CopyTo(_best[i]);
        }
    }

    /// <inheritdoc />
    public void RestoreBestParameters()
    {
        if (_best is null)
        {
            return;
        }

        IReadOnlyList<NamedTensor> parameters = _model.Parameters;
        for (int i = 0; i < _best.Length; i++)
        {
            _best[i].CopyTo(parameters[i].Tensor.Data);
        }
    }

    /// <inheritdoc />
    public void Save(string path) => _model.Save(path);

    /// <summary>Nothing to free: the kept parameters are managed arrays.</summary>
    public void Dispose()
    {
    }

    private Optimizer Optimizer => _optimizer ?? throw new InvalidOperationException("This session only evaluates (it was made by Evaluation.Run without an optimizer); create a ManagedTrainingSession with an optimizer to train.");
}
