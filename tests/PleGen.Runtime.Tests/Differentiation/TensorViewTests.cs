using System;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Differentiation;

/// <summary>Views share values and gradients with their base: an expert bank's experts can be named one by one.</summary>
public sealed class TensorViewTests
{
    [Fact]
    public void A_selected_expert_shares_values_and_gradient_with_the_bank()
    {
        var bank = new Tensor(new[] { 3, 2, 2 }, new float[] { 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23 }, requiresGrad: true);
        Tensor expert1 = bank.Select(1);

        Assert.Equal(new[] { 2, 2 }, expert1.Shape);
        Assert.Equal(new[] { 10f, 11f, 12f, 13f }, expert1.ToArray());

        expert1.Data[0] = 99f;                                   // writes through (e.g. loading a checkpoint)
        Assert.Equal(99f, bank.Data[4]);

        var input = new Tensor(new[] { 1, 2 }, new[] { 1f, 1f });
        Ops.Sum(Ops.ExpertBank(input, bank)).Backward();          // the bank runs as one product...
        Assert.True(expert1.HasGrad);
        Assert.Equal(bank.Grad.Slice(4, 4).ToArray(), expert1.Grad.ToArray());   // ...and each expert sees its slice

        expert1.ZeroGrad();
        Assert.Equal(new float[4], bank.Grad.Slice(4, 4).ToArray());
        Assert.NotEqual(0f, bank.Grad[0]);
    }

    [Fact]
    public void Checkpoints_save_and_load_through_views()
    {
        var bank = new Tensor(new[] { 2, 3 }, new float[] { 1, 2, 3, 4, 5, 6 });
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plegen-view-" + Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            SafeTensors.Save(path, new[] { new NamedTensor("e.0", bank.Select(0)), new NamedTensor("e.1", bank.Select(1)) });
            var restored = new Tensor(new[] { 2, 3 }, new float[6]);
            SafeTensors.Load(path, new[] { new NamedTensor("e.0", restored.Select(0)), new NamedTensor("e.1", restored.Select(1)) });
            Assert.Equal(bank.ToArray(), restored.ToArray());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Select_checks_its_index_and_refuses_scoped_tensors()
    {
        var t = new Tensor(new[] { 2, 3 }, new float[6]);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Select(2));
        using (new TensorScope(new BufferPool()))
        {
            Tensor scoped = Ops.Scale(t, 2f);
            Assert.Throws<InvalidOperationException>(() => scoped.Select(0));
        }
    }
}
