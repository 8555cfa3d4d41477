using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PleGen.Runtime.Data;
using PleGen.Runtime.Gradients;

namespace PleGen.ScoringService.Tests;

/// <summary>One raw row as the demo data logs it.</summary>
public sealed record RawRow(float Age, float Tenure, float Visits, float Price, string City, string Device)
{
    public string Json() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"profile\":[{Age},{Tenure},{Visits}],\"price\":{Price},\"city\":\"{City}\",\"device\":\"{Device}\"}}");

    /// <summary>Rows spread over the data's ranges, every known city and device, and unseen cities.</summary>
    public static RawRow[] Sample(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new RawRow(
            18 + random.Next(63), random.Next(121), random.Next(21), MathF.Round(5f + (495f * random.NextSingle()), 2),
            i % 5 == 4 ? "Atlantis-" + i : DemoData.Cities[random.Next(DemoData.Cities.Count)],
            DemoData.Devices[random.Next(DemoData.Devices.Count)])).ToArray();
    }
}

/// <summary>One row of model-ready values: standardized dense values and ids.</summary>
public sealed record EncodedRow(float[] Profile, float Price, int City, int Device)
{
    public string Json() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"profile\":[{string.Join(",", Profile.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}],\"price\":{Price:R},\"city\":{City},\"device\":{Device}}}");

    /// <summary>Rows whose ids include both ends of each range.</summary>
    public static EncodedRow[] Sample(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new EncodedRow(
            [(random.NextSingle() * 4) - 2, (random.NextSingle() * 4) - 2, (random.NextSingle() * 4) - 2], (random.NextSingle() * 4) - 2,
            i % 3 == 0 ? 0 : i % 3 == 1 ? 9 : random.Next(10), i % 2 == 0 ? 3 : random.Next(4))).ToArray();
    }
}

/// <summary>A prediction as the service returned it (or the model computed it).</summary>
public sealed record Prediction(float PurchaseProbability, float PurchaseLogit, float Spend);

/// <summary>Requests to a running service and the model's own answers for comparison.</summary>
public static class Scoring
{
    public static Task<HttpResponseMessage> Post(HttpClient client, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return client.PostAsync("/predict", content);
    }

    public static string Rows(IEnumerable<string> rows) => "{\"rows\":[" + string.Join(",", rows) + "]}";

    /// <summary>Posts <paramref name="body"/>, expects 200 and reads the predictions.</summary>
    public static async Task<Prediction[]> Predict(HttpClient client, string body)
    {
        using HttpResponseMessage response = await Post(client, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using JsonDocument json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("predictions").EnumerateArray().Select(p =>
        {
            JsonElement purchase = p.GetProperty("purchase");
            JsonElement spend = p.GetProperty("spend");
            Assert.Equal(2, purchase.EnumerateObject().Count());
            Assert.Single(spend.EnumerateObject());
            return new Prediction(purchase.GetProperty("probability").GetSingle(), purchase.GetProperty("logit").GetSingle(), spend.GetProperty("value").GetSingle());
        }).ToArray();
    }

    /// <summary>Posts <paramref name="body"/> and expects a refusal with <paramref name="status"/>: returns the field and message.</summary>
    public static async Task<(string Field, string Error)> Refused(HttpClient client, string body, HttpStatusCode status = HttpStatusCode.BadRequest, string contentType = "application/json")
    {
        using HttpResponseMessage response = await Post(client, body, contentType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        using JsonDocument json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("field").GetString()!, json.RootElement.GetProperty("error").GetString()!);
    }

    /// <summary>The model's own Forward on raw rows mapped by the data layer (Preprocessing.Apply, PreparedTable).</summary>
    public static Prediction[] Reference(string checkpoint, RawRow[] rows)
    {
        Preprocessing preprocessing = Preprocessing.Load(Preprocessing.PathBeside(checkpoint));
        var table = new DataTable(
        [
            new NumericColumn("age", rows.Select(r => r.Age).ToArray()),
            new NumericColumn("tenure_months", rows.Select(r => r.Tenure).ToArray()),
            new NumericColumn("visits", rows.Select(r => r.Visits).ToArray()),
            new NumericColumn("price", rows.Select(r => r.Price).ToArray()),
            new CategoricalColumn("city", rows.Select(r => r.City).ToArray()),
            new CategoricalColumn("device", rows.Select(r => r.Device).ToArray()),
        ]);
        PreparedTable prepared = preprocessing.Apply(table);
        return Forward(checkpoint, new DemoTasks.Batch(
            prepared.Dense("profile", 3), prepared.Dense("price", 1), prepared.Categorical("city", 10), prepared.Categorical("device", 4)));
    }

    /// <summary>The model's own Forward on encoded rows.</summary>
    public static Prediction[] Reference(string checkpoint, EncodedRow[] rows) => Forward(checkpoint, new DemoTasks.Batch(
        rows.SelectMany(r => r.Profile).ToArray(), rows.Select(r => r.Price).ToArray(), rows.Select(r => r.City).ToArray(), rows.Select(r => r.Device).ToArray()));

    private static Prediction[] Forward(string checkpoint, DemoTasks.Batch batch)
    {
        var model = new DemoPle();
        model.Load(checkpoint);
        model.Training = false;
        using (Autograd.NoGrad())
        {
            DemoPle.Output output = model.Forward(batch);
            float[] probability = output.PurchaseProbability.ToArray(), logit = output.Purchase.ToArray(), spend = output.Spend.ToArray();
            return Enumerable.Range(0, batch.BatchSize).Select(i => new Prediction(probability[i], logit[i], spend[i])).ToArray();
        }
    }
}
