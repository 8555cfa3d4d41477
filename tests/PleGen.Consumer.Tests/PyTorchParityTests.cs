using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Tensors;
using Xunit.Abstractions;
using Xunit.Sdk;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>
/// Generated models against an independent PyTorch implementation written from the paper (fixtures/models.json):
/// with the same weights, outputs, per-task losses, the sluice orthogonality penalty, the joint loss and every
/// parameter's gradient agree within 1e-5 relative (absolute floor 1e-6).
/// </summary>
public sealed class PyTorchParityTests(ITestOutputHelper output)
{
    private (double Deviation, double OfBound, string What) _worst;

    [Theory]
    [InlineData("ParityPle")]
    [InlineData("ParityCgc")]
    [InlineData("ParityMmoe")]
    [InlineData("ParityOmoe")]
    [InlineData("ParityCustomizedSharing")]
    [InlineData("ParityAsymmetricSharing")]
    [InlineData("ParityAsymmetricMean")]
    [InlineData("ParityCrossStitch")]
    [InlineData("ParitySluice")]
    public void Matches_pytorch(string name)
    {
        JsonElement c = Load().GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        int epoch = c.GetProperty("epoch").GetInt32();
        float[] numeric = Values(c.GetProperty("inputs").GetProperty("numeric"));
        int[] education = c.GetProperty("inputs").GetProperty("education").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float[] income = Values(c.GetProperty("labels").GetProperty("income"));
        float[] hours = Values(c.GetProperty("labels").GetProperty("hours"));
        float[] hoursMask = Values(c.GetProperty("hours_mask"));

        (IMultiTaskModel model, Func<(Tensor Income, Tensor Hours, Tensor IncomeLoss, Tensor HoursLoss, Tensor Total, Tensor? Orthogonality)> run) = name switch
        {
            "ParityPle" => Wire(new ParityPle(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParityCgc" => Wire(new ParityCgc(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParityCustomizedSharing" => Wire(new ParityCustomizedSharing(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParityAsymmetricSharing" => Wire(new ParityAsymmetricSharing(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParityAsymmetricMean" => Wire(new ParityAsymmetricMean(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParityCrossStitch" => Wire(new ParityCrossStitch(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            "ParitySluice" => Wire(new ParitySluice(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, l.Orthogonality); }),
            "ParityOmoe" => Wire(new ParityOmoe(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
            _ => Wire(new ParityMmoe(), m => { var o = m.Forward(new ParityTasks.Batch(numeric, education)); var l = m.Loss(o, new ParityTasks.Labels(income, hours, hoursMask), epoch); return (o.Income, o.Hours, l.Income, l.Hours, l.Total, null); }),
        };

        JsonElement parameters = c.GetProperty("params");
        Assert.Equal(parameters.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            model.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (NamedTensor p in model.Parameters)
        {
            float[] values = Values(parameters.GetProperty(p.Name));
            Assert.Equal(p.Tensor.Length, values.Length);
            values.CopyTo(p.Tensor.Data);
        }

        model.Training = false; // the reference has no dropout; eval mode makes that explicit
        var (incomeLogit, hoursValue, incomeLoss, hoursLoss, total, orthogonality) = run();
        Close($"{name} income output", Values(c.GetProperty("outputs").GetProperty("income")), incomeLogit.Data);
        Close($"{name} hours output", Values(c.GetProperty("outputs").GetProperty("hours")), hoursValue.Data);
        Close($"{name} income loss", new[] { (float)c.GetProperty("losses").GetProperty("income").GetDouble() }, incomeLoss.Data);
        Close($"{name} hours loss", new[] { (float)c.GetProperty("losses").GetProperty("hours").GetDouble() }, hoursLoss.Data);
        Assert.Equal(c.GetProperty("losses").TryGetProperty("orthogonality", out JsonElement penalty), orthogonality is not null);
        if (orthogonality is not null)
        {
            Close($"{name} orthogonality penalty", new[] { (float)penalty.GetDouble() }, orthogonality.Data);
        }

        Close($"{name} total loss", new[] { (float)c.GetProperty("total").GetDouble() }, total.Data);

        total.Backward();
        foreach (NamedTensor p in model.Parameters)
        {
            Close($"{name} d/d{p.Name}", Values(c.GetProperty("grads").GetProperty(p.Name)), p.Tensor.Grad);
        }

        output.WriteLine($"largest deviation {_worst.Deviation:G3} ({_worst.OfBound:P1} of the bound) at {_worst.What}");
    }

    private static (IMultiTaskModel, Func<(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor?)>) Wire<T>(T model, Func<T, (Tensor, Tensor, Tensor, Tensor, Tensor, Tensor?)> run)
        where T : IMultiTaskModel => (model, () => run(model));

    private static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "models.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    private static float[] Values(JsonElement tensor) => tensor.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

    private void Close(string what, float[] expected, ReadOnlySpan<float> actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what}: PyTorch has {expected.Length} values, the model {actual.Length}.");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = Math.Max(1e-6, 1e-5 * Math.Abs(expected[i]));
            double deviation = Math.Abs(expected[i] - actual[i]);
            if (deviation > tolerance)
            {
                throw new XunitException($"{what}[{i}]: PyTorch {expected[i]:R}, PleGen {actual[i]:R}");
            }

            if (deviation / tolerance > _worst.OfBound)
            {
                _worst = (deviation, deviation / tolerance, $"{what}[{i}]");
            }
        }
    }
}
