using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// One epoch: mean training losses and the validation metric of every task (empty without validation data; NaN for a task
/// that has no metric on the validation data: no sample in its sample space, or for AUC only one class among them).
/// </summary>
public sealed record EpochResult(int Epoch, double TrainLoss, IReadOnlyList<double> TrainTaskLosses, IReadOnlyDictionary<string, double> Validation, double SamplesPerSecond);

/// <summary>Everything a <see cref="Trainer{TDataset}"/> run did.</summary>
public sealed record TrainingHistory(IReadOnlyList<EpochResult> Epochs, int BestEpoch, double BestMetric, bool StoppedEarly, bool Cancelled);
