namespace PleGen.ScoringService.Tests;

/// <summary>
/// The onnxruntime backend (--backend onnxruntime): the checkpoint exported with the model's generated ExportOnnx and
/// served by ONNX Runtime answers like the managed engine, within float rounding.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class OnnxBackendTests(ServiceFixture service)
{
    [Fact]
    public async Task The_onnxruntime_backend_scores_like_the_managed_engine()
    {
        string onnx = Path.Combine(service.Directory, "onnx", "demo.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(onnx)!);
        await using RunningService served = await RunningService.Start("--model", service.Checkpoint, "--backend", "onnxruntime", "--onnx", onnx);

        using HttpResponseMessage health = await served.Client.GetAsync("/healthz");
        Assert.Contains("\"backend\":\"onnxruntime\"", await health.Content.ReadAsStringAsync());
        Assert.True(File.Exists(onnx));

        RawRow[] rows = RawRow.Sample(40, seed: 11);
        Prediction[] fromOnnx = await Scoring.Predict(served.Client, Scoring.Rows(rows.Select(r => r.Json())));
        Prediction[] managed = Scoring.Reference(service.Checkpoint, rows);
        Assert.Equal(managed.Length, fromOnnx.Length);
        for (int i = 0; i < managed.Length; i++)
        {
            Assert.Equal(managed[i].PurchaseLogit, fromOnnx[i].PurchaseLogit, 1e-4f);
            Assert.Equal(managed[i].PurchaseProbability, fromOnnx[i].PurchaseProbability, 1e-5f);
            Assert.Equal(managed[i].Spend, fromOnnx[i].Spend, 1e-4f * System.MathF.Max(1f, System.MathF.Abs(managed[i].Spend)));
        }
    }

    [Fact]
    public void An_unknown_backend_stops_the_service_naming_the_choices()
    {
        var error = Assert.Throws<PleGen.Samples.ScoringService.ScoringStartupException>(() => PleGen.Samples.ScoringService.ScoringApp.Create(["--model", service.Checkpoint, "--backend", "tensorrt"]));
        Assert.Contains("Scoring:Backend is 'tensorrt'; use 'managed'", error.Message);
    }
}
