using Microsoft.AspNetCore.Builder;

namespace PleGen.ScoringService.Tests;

/// <summary>
/// Two running services on loopback, started once for the collection: <see cref="Raw"/> trains the demo model itself
/// (no checkpoint given, a small demo) and takes raw values through the preprocessing file it saved; <see cref="Encoded"/>
/// serves a copy of the same checkpoint without the preprocessing file, so rows carry ids and model-ready values.
/// Both run with small limits (<see cref="MaxRows"/> rows, <see cref="MaxRequestBytes"/> bytes) to test them cheaply.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const int MaxRows = 64;
    public const int MaxRequestBytes = 16 * 1024;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "plegen-scoring-tests-" + Guid.NewGuid().ToString("N"));

    public RunningService Raw { get; private set; } = null!;

    public RunningService Encoded { get; private set; } = null!;

    /// <summary>The checkpoint the raw service trained (and the encoded one serves a copy of).</summary>
    public string Checkpoint => Path.Combine(Directory, "demo", "demo-ple.safetensors");

    public async Task InitializeAsync()
    {
        Raw = await RunningService.Start(
            "--Scoring:DemoDirectory", Path.Combine(Directory, "demo"), "--Scoring:DemoRows", "3000");
        string copy = Path.Combine(Directory, "encoded", "model.safetensors");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Checkpoint, copy);
        Encoded = await RunningService.Start("--model", copy);
    }

    public async Task DisposeAsync()
    {
        await Raw.DisposeAsync();
        await Encoded.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>A started app and a client for it.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the service on a free loopback port with the fixture's limits and <paramref name="args"/>.</summary>
    public static async Task<RunningService> Start(params string[] args)
    {
        string[] all =
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default", "Warning",
            "--Scoring:MaxRows", ServiceFixture.MaxRows.ToString(),
            "--Scoring:MaxRequestBytes", ServiceFixture.MaxRequestBytes.ToString(),
            .. args,
        ];
        WebApplication app = ScoringApp.Create(all);
        await app.StartAsync();
        return new RunningService(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "scoring service";
}
