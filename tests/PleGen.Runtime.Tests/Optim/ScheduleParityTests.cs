using System.Text.Json;
using System;
using PleGen.Runtime.Optim;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

/// <summary>The schedules' rates against torch.optim.lr_scheduler stepped once per epoch (fixtures/optim/schedules.json).</summary>
public sealed class ScheduleParityTests
{
    private const string File = "optim/schedules.json";

    public static TheoryData<string> Cases() => ReferenceFixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rates_match_pytorch_per_epoch_and_stay_constant_within_an_epoch(string name)
    {
        JsonElement c = ReferenceFixture.Case(File, name);
        JsonElement o = c.GetProperty("options");
        ILearningRateSchedule schedule = name switch
        {
            "step" => new StepLearningRate(o.GetProperty("step_size").GetInt32(), o.GetProperty("gamma").GetDouble()),
            "exponential" => new ExponentialLearningRate(o.GetProperty("gamma").GetDouble()),
            "cosine" or "cosine_to_zero" => new CosineAnnealingLearningRate(o.GetProperty("T_max").GetInt32(), o.GetProperty("eta_min").GetDouble()),
            _ => throw new ArgumentException($"The fixture names schedule '{name}', which this test does not map."),
        };

        double initial = c.GetProperty("initial").GetDouble();
        double[] rates = ReferenceFixture.Doubles(c.GetProperty("rates"));
        for (int epoch = 0; epoch < rates.Length; epoch++)
        {
            // PyTorch updates recursively, we use the closed form: equal up to double rounding.
            double rate = schedule.LearningRate(epoch, initial);
            Assert.True(Math.Abs(rate - rates[epoch]) <= 1e-12 * initial, $"{name} epoch {epoch}: PyTorch {rates[epoch]:R}, ours {rate:R}.");
            Assert.Equal(rate, schedule.LearningRate(epoch, batch: 7, batchesPerEpoch: 10, initial));
        }
    }

    [Fact]
    public void Bad_settings_are_rejected_with_the_value()
    {
        Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => new StepLearningRate(0)).Message);
        Assert.Contains("T_max", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealingLearningRate(0)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialLearningRate(double.NaN)).Message);
        Assert.Contains("count from 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialLearningRate(0.9).LearningRate(-1, 0.1)).Message);
    }
}
