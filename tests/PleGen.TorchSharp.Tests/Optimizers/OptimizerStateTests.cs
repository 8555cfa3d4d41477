using System.IO;
using Xunit;
using TorchOptimizer = TorchSharp.torch.optim.Optimizer;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;

namespace PleGen.TorchSharp.Tests.Optimizers;

/// <summary>
/// The support code's optimizers keep their state (step counts, moments, sums) as TorchSharp's optimizer state, so
/// OptimizerHelper's save_state_dict and load_state_dict carry a run over: an optimizer loaded from a saved one continues
/// bit for bit as the saved one does.
/// </summary>
public sealed class OptimizerStateTests
{
    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void A_loaded_state_dict_continues_the_saved_optimizers_steps(string optimizer)
    {
        using var original = new SmallNetwork();
        using TorchOptimizer saved = OptimizerCases.Ours(optimizer, original.Parameters);
        for (int step = 0; step < 5; step++)
        {
            original.Gradients(step);
            saved.step();
        }

        using SmallNetwork resumed = original.Copy();
        using TorchOptimizer loaded = OptimizerCases.Ours(optimizer, resumed.Parameters);
        using (var stream = new MemoryStream())
        {
            ((OptimizerHelper)saved).save_state_dict(new BinaryWriter(stream));
            stream.Position = 0;
            ((OptimizerHelper)loaded).load_state_dict(new BinaryReader(stream));
        }

        for (int step = 5; step < 10; step++)
        {
            original.Gradients(step);
            resumed.Gradients(step);
            saved.step();
            loaded.step();
        }

        resumed.AssertSameValues(original, $"after resuming {optimizer} from the saved state");
    }
}
