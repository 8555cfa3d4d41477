using PleGen.TorchSharpSupport;
using TorchSharp;

namespace PleGen.Samples.Experiments;

/// <summary>
/// The TorchSharp optimizer of a run's <see cref="TrainingSettings"/>, with the managed engine's hyper-parameters: the
/// support code's optimizers (torch.optim's update rules with Scalars they hold; TorchSharp's own optimizers pass
/// implicitly converted Scalars the finalizer can free mid-call). The generator makes them internal to each assembly with
/// a TorchSharp model, so this file is compiled into every sample that has models (linked from samples/Shared).
/// </summary>
internal static class TorchSharpOptimizers
{
    public static torch.optim.Optimizer Create(torch.nn.Module model, TrainingSettings settings) => settings.Optimizer switch
    {
        OptimizerKind.Adam => new AdamOptimizer(model.parameters(), settings.LearningRate),
        OptimizerKind.AdamW => new AdamWOptimizer(model.parameters(), settings.LearningRate, weightDecay: TrainingSettings.AdamWWeightDecay),
        OptimizerKind.Sgd => new SgdOptimizer(model.parameters(), settings.LearningRate, momentum: TrainingSettings.SgdMomentum),
        OptimizerKind.Adagrad => new AdagradOptimizer(model.parameters(), settings.LearningRate),
        _ => throw settings.UnknownOptimizer(),
    };
}
