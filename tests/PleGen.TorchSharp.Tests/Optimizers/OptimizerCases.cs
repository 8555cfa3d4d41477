using System.Collections.Generic;
using PleGen.TorchSharpSupport;
using Xunit;
using Parameter = TorchSharp.Modules.Parameter;
using TorchOptimizer = TorchSharp.torch.optim.Optimizer;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Optimizers;

/// <summary>
/// The support code's optimizers, each with non-default hyper-parameters where it has them (so every term of the update
/// runs), and the torch.optim optimizer of TorchSharp 0.107 with the same ones, which applies the same libtorch operations
/// in the same order through implicitly converted Scalars.
/// </summary>
internal static class OptimizerCases
{
    public static TheoryData<string> All => new() { "Adam", "Adam with L2", "AdamW", "Sgd", "Adagrad" };

    public static TorchOptimizer Ours(string name, IEnumerable<Parameter> parameters) => name switch
    {
        "Adam" => new AdamOptimizer(parameters, learningRate: 1e-2),
        "Adam with L2" => new AdamOptimizer(parameters, learningRate: 1e-2, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1),
        "AdamW" => new AdamWOptimizer(parameters, learningRate: 1e-2, weightDecay: 0.1),
        "Sgd" => new SgdOptimizer(parameters, learningRate: 0.05, momentum: 0.9, weightDecay: 0.01),
        "Adagrad" => new AdagradOptimizer(parameters, learningRate: 0.05, learningRateDecay: 0.01, weightDecay: 0.01),
        _ => throw new System.ArgumentOutOfRangeException(nameof(name), name, "Unknown optimizer case."),
    };

    public static TorchOptimizer TorchOptim(string name, IEnumerable<Parameter> parameters) => name switch
    {
        "Adam" => optim.Adam(parameters, lr: 1e-2),
        "Adam with L2" => optim.Adam(parameters, lr: 1e-2, beta1: 0.8, beta2: 0.99, eps: 1e-6, weight_decay: 0.1),
        "AdamW" => optim.AdamW(parameters, lr: 1e-2, weight_decay: 0.1),
        "Sgd" => optim.SGD(parameters, 0.05, momentum: 0.9, weight_decay: 0.01),
        "Adagrad" => optim.Adagrad(parameters, lr: 0.05, lr_decay: 0.01, weight_decay: 0.01),
        _ => throw new System.ArgumentOutOfRangeException(nameof(name), name, "Unknown optimizer case."),
    };
}
