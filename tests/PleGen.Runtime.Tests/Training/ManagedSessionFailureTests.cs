using System.Collections.Generic;
using System;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Runtime.Tests.Training;

/// <summary>A managed step that fails after its backward pass leaves no gradient behind for the next step to add to.</summary>
public sealed class ManagedSessionFailureTests
{
    [Fact]
    public void A_failed_step_clears_the_gradients_it_accumulated()
    {
        var model = new FailingAfterBackward();
        using var session = new ManagedTrainingSession<int>(model, new Sgd(model.Parameters, 0.1));

        Assert.Throws<InvalidOperationException>(() => session.Step(1, [0], 0, new float[1]));
        Assert.Equal([0f, 0f], model.Weight.Grad.ToArray());

        model.Fail = false;
        session.Step(1, [0], 0, new float[1]);
        Assert.Equal([0.9f, 0.9f], model.Weight.ToArray());   // one gradient of 1, not two
    }

    private sealed class FailingAfterBackward : ITrainableModel<int>
    {
        public Tensor Weight { get; } = new([2], [1f, 1f], requiresGrad: true);

        public bool Fail { get; set; } = true;

        public IReadOnlyList<NamedTensor> Parameters => [new("weight", Weight)];

        public bool Training { get; set; } = true;

        public IReadOnlyList<TaskInfo> TaskInfos { get; } = [new TaskInfo("t", false, false)];

        public int Count(int data) => data;

        public float TrainStep(int data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses)
        {
            Weight.Grad.Fill(1f);   // as a backward pass would
            return Fail ? throw new InvalidOperationException("the loss was NaN") : 0f;
        }

        public void Predict(int data, ReadOnlySpan<int> rows, Span<float> predictions) => predictions.Clear();

        public ReadOnlySpan<float> Labels(int data, int task) => new float[data];

        public ReadOnlySpan<float> Mask(int data, int task) => default;

        public void Save(string path) => throw new NotSupportedException();

        public void Load(string path) => throw new NotSupportedException();
    }
}
