using System.Collections.Generic;

namespace PleGen.Runtime.Training;

/// <summary>
/// One epoch: mean training losses and the validation metric of every task (empty without validation data; NaN for a task
/// that has no metric on the validation data: no sample in its sample space, or for AUC only one class among them).
/// </summary>
public sealed record EpochResult(int Epoch, double TrainLoss, IReadOnlyList<double> TrainTaskLosses, IReadOnlyDictionary<string, double> Validation, double SamplesPerSecond);

/// <summary>Everything a <see cref="Trainer{TDataset}"/> run did.</summary>
/// <param name="Epochs">One result per completed epoch.</param>
/// <param name="BestEpoch">The 0-based epoch whose parameters the model holds, or -1 without validation.</param>
/// <param name="BestMetric">The monitored metric at <paramref name="BestEpoch"/> (NaN without validation).</param>
/// <param name="StoppedEarly">Patience ran out before the last epoch.</param>
/// <param name="Cancelled">The cancellation token stopped training between two mini-batches.</param>
/// <param name="BestMetricDirection">Which way the monitored metric improves: it chose <paramref name="BestEpoch"/>.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochResult> Epochs, int BestEpoch, double BestMetric, bool StoppedEarly, bool Cancelled, MetricDirection BestMetricDirection);
