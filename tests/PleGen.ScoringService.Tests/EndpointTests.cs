using System.Security.Cryptography;

namespace PleGen.ScoringService.Tests;

[Collection(ServiceCollection.Name)]
public sealed class EndpointTests(ServiceFixture service)
{
    [Fact]
    public async Task Healthz_reports_ok_and_the_served_model()
    {
        using HttpResponseMessage response = await service.Raw.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(typeof(DemoPle).FullName, json.RootElement.GetProperty("model").GetString());
        Assert.Equal("managed", json.RootElement.GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Model_reports_the_generated_architecture_tasks_features_and_version()
    {
        using JsonDocument json = JsonDocument.Parse(await service.Raw.Client.GetStringAsync("/model"));
        JsonElement root = json.RootElement;
        Assert.Equal(DemoPle.Architecture.Name, root.GetProperty("architecture").GetString());
        Assert.Equal(DemoPle.Architecture.Levels, root.GetProperty("levels").GetInt32());
        Assert.Equal(DemoPle.Architecture.TotalParameters, root.GetProperty("parameters").GetInt64());
        Assert.Equal(DemoPle.Architecture.Modules.Select(m => m.Name), root.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("0.1.0", root.GetProperty("version").GetProperty("plegen").GetString());
        using (FileStream file = File.OpenRead(service.Checkpoint))
        {
            Assert.Equal(System.Convert.ToHexStringLower(SHA256.HashData(file)), root.GetProperty("version").GetProperty("checkpointSha256").GetString());
        }

        Assert.Equal("raw", root.GetProperty("input").GetString());
        Assert.Equal(["purchase:binary", "spend:regression"],
            root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString() + ":" + t.GetProperty("kind").GetString()));
        JsonElement[] features = root.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(["profile", "price", "city", "device"], features.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(3, features[0].GetProperty("width").GetInt32());
        Assert.Equal(["age", "tenure_months", "visits"], features[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("categorical", features[2].GetProperty("kind").GetString());
        Assert.Equal(10, features[2].GetProperty("cardinality").GetInt32());
        Assert.Equal(4, features[2].GetProperty("embeddingDim").GetInt32());
        Assert.True(root.GetProperty("demo").GetProperty("trainingSeconds").GetDouble() > 0);

        using JsonDocument encoded = JsonDocument.Parse(await service.Encoded.Client.GetStringAsync("/model"));
        Assert.Equal("encoded", encoded.RootElement.GetProperty("input").GetString());
        Assert.Equal("an integer id in [0, 10)", encoded.RootElement.GetProperty("features")[2].GetProperty("expected").GetString());
    }

    [Fact]
    public async Task Raw_rows_score_as_the_models_own_forward_on_the_data_layers_encoding()
    {
        RawRow[] rows = RawRow.Sample(40, seed: 3);
        Prediction[] served = await Scoring.Predict(service.Raw.Client, Scoring.Rows(rows.Select(r => r.Json())));
        Assert.Equal(Scoring.Reference(service.Checkpoint, rows), served);

        // One row, as a bare array of one.
        Prediction[] single = await Scoring.Predict(service.Raw.Client, "[" + rows[0].Json() + "]");
        Assert.Equal(Scoring.Reference(service.Checkpoint, [rows[0]]), single);
    }

    [Fact]
    public async Task Encoded_rows_score_as_the_models_own_forward_including_the_edges_of_each_id_range()
    {
        EncodedRow[] rows = EncodedRow.Sample(33, seed: 5);
        Prediction[] served = await Scoring.Predict(service.Encoded.Client, Scoring.Rows(rows.Select(r => r.Json())));
        Assert.Equal(Scoring.Reference(service.Checkpoint, rows), served);
        Assert.All(served, p => Assert.Equal(1f / (1f + System.MathF.Exp(-p.PurchaseLogit)), p.PurchaseProbability, 1e-6f));
    }

    [Fact]
    public async Task Unknown_categories_map_to_the_out_of_vocabulary_id_like_unseen_training_values()
    {
        // "village-..." cities appeared once each in training and so were mapped to id 0 there; an unseen city is id 0 too.
        RawRow known = new(40, 24, 5, 30f, "Lyon", "phone");
        Prediction[] served = await Scoring.Predict(service.Raw.Client, Scoring.Rows([(known with { City = "Atlantis" }).Json(), (known with { City = "village-3" }).Json()]));
        Assert.Equal(served[0], served[1]);
        Prediction[] encoded = await Scoring.Predict(service.Encoded.Client, Scoring.Rows([Encode(known with { City = "Atlantis" }, cityId: 0).Json()]));
        Assert.Equal(served[0], encoded[0]);
    }

    private EncodedRow Encode(RawRow row, int cityId)
    {
        PleGen.Runtime.Data.Preprocessing p = PleGen.Runtime.Data.Preprocessing.Load(PleGen.Runtime.Data.Preprocessing.PathBeside(service.Checkpoint));
        float Scale(string column, float v) => p.StandardizationOf(column)!.Apply(v);
        return new EncodedRow([Scale("age", row.Age), Scale("tenure_months", row.Tenure), Scale("visits", row.Visits)], Scale("price", row.Price),
            cityId, p.VocabularyOf("device")!.IdOf(row.Device));
    }
}
