using PleGen.Runtime.Data;

namespace PleGen.ScoringService.Tests;

[Collection(ServiceCollection.Name)]
public sealed class StartupTests(ServiceFixture service)
{
    [Fact]
    public void A_missing_checkpoint_stops_start_up_naming_the_path()
    {
        string missing = Path.Combine(service.Directory, "nowhere.safetensors");
        var e = Assert.Throws<ScoringStartupException>(() => ScoringApp.Create(["--model", missing]));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void A_damaged_checkpoint_stops_start_up_naming_the_file()
    {
        string damaged = Path.Combine(service.Directory, "damaged.safetensors");
        File.WriteAllBytes(damaged, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var e = Assert.Throws<ScoringStartupException>(() => ScoringApp.Create(["--model", damaged, "--Scoring:Preprocessing", "none"]));
        Assert.Contains("damaged.safetensors", e.Message);
    }

    [Fact]
    public void A_preprocessing_file_of_another_model_stops_start_up()
    {
        // The demo's preprocessing without the mapping of "profile": the feature would bind to one column, not three.
        Preprocessing trained = Preprocessing.Load(Preprocessing.PathBeside(service.Checkpoint));
        string other = Path.Combine(service.Directory, "other.preprocessing.json");
        new Preprocessing(trained.Vocabularies, trained.Standardizations, new ColumnMapping()).Save(other);
        var e = Assert.Throws<ScoringStartupException>(() => ScoringApp.Create(["--model", service.Checkpoint, "--preprocessing", other]));
        Assert.Contains("Dense feature 'profile' has width 3, but the preprocessing file maps it to 1 column(s) (profile)", e.Message);
    }

    [Fact]
    public async Task The_service_listens_where_ASPNETCORE_URLS_says()
    {
        string? before = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.1:0");
        try
        {
            Microsoft.AspNetCore.Builder.WebApplication app = ScoringApp.Create(["--model", service.Checkpoint, "--Logging:LogLevel:Default", "Warning"]);
            await app.StartAsync();
            try
            {
                string url = app.Urls.Single();
                Assert.StartsWith("http://127.0.0.1:", url);
                using var client = new HttpClient { BaseAddress = new Uri(url) };
                Assert.Contains("\"ok\"", await client.GetStringAsync("/healthz"));
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", before);
        }
    }

    [Fact]
    public void The_reject_policy_refuses_unknown_categories_and_keeps_known_ones()
    {
        Preprocessing preprocessing = Preprocessing.Load(Preprocessing.PathBeside(service.Checkpoint));
        var reader = new RequestReader(ModelSchema.Of(typeof(DemoPle)), preprocessing, maxRows: 8, UnknownCategoryPolicy.Reject);
        using JsonDocument known = JsonDocument.Parse("[" + new RawRow(30, 2, 1, 10, "Porto", "tablet").Json() + "]");
        FeatureBatch batch = reader.Read(known.RootElement);
        Assert.Equal(preprocessing.VocabularyOf("city")!.IdOf("Porto"), batch.Ids(2)[0]);
        Assert.NotEqual(0, batch.Ids(2)[0]);
        Assert.Equal(preprocessing.StandardizationOf("price")!.Apply(10f), batch.Dense(1)[0]);

        using JsonDocument unknown = JsonDocument.Parse("[" + new RawRow(30, 2, 1, 10, "Atlantis", "tablet").Json() + "]");
        var e = Assert.Throws<ScoringRequestException>(() => reader.Read(unknown.RootElement));
        Assert.Equal("rows[0].city", e.Field);
        Assert.Contains("'Atlantis' is not in the training vocabulary of column 'city' (8 values)", e.Message);
    }

    [Fact]
    public void The_schema_comes_from_the_generated_model_and_its_declaration()
    {
        ModelSchema schema = ModelSchema.Of(typeof(DemoPle));
        Assert.Equal(DemoPle.Architecture.InputWidth, schema.InputWidth);
        Assert.Equal(DemoPle.Architecture.Modules, schema.Modules);
        Assert.Equal(
            [new FeatureSchema("profile", false, 3, 0, 0), new FeatureSchema("price", false, 1, 0, 0), new FeatureSchema("city", true, 1, 10, 4), new FeatureSchema("device", true, 1, 4, 2)],
            schema.Features);
        Assert.Equal([new TaskSchema("purchase", TaskKind.Binary, "Purchase", "PurchaseProbability"), new TaskSchema("spend", TaskKind.Regression, "Spend", null)], schema.Tasks);
        Assert.Throws<ArgumentException>(() => ModelSchema.Of(typeof(DemoTasks)));
    }
}
