namespace PleGen.ScoringService.Tests;

/// <summary>One shared model instance serves concurrent requests with the answers it gives them one at a time.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ConcurrencyTests(ServiceFixture service)
{
    [Fact]
    public async Task Concurrent_requests_get_the_same_answers_as_sequential_ones()
    {
        // Bodies of 1 to 40 rows: small ones take the single-row GEMM path, larger ones the blocked kernel.
        string[] bodies = Enumerable.Range(0, 24)
            .Select(i => Scoring.Rows(RawRow.Sample(1 + (i * 17 % 40), seed: 100 + i).Select(r => r.Json())))
            .ToArray();
        var sequential = new Prediction[bodies.Length][];
        for (int i = 0; i < bodies.Length; i++)
        {
            sequential[i] = await Scoring.Predict(service.Raw.Client, bodies[i]);
        }

        // 16 clients, each sending every body 4 times in its own order.
        Prediction[][][] concurrent = await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            var answers = new Prediction[bodies.Length * 4][];
            for (int k = 0; k < answers.Length; k++)
            {
                int body = ((k * 7) + client) % bodies.Length;
                answers[k] = await Scoring.Predict(service.Raw.Client, bodies[body]);
            }

            return answers;
        })));

        for (int client = 0; client < concurrent.Length; client++)
        {
            for (int k = 0; k < concurrent[client].Length; k++)
            {
                Assert.Equal(sequential[((k * 7) + client) % bodies.Length], concurrent[client][k]);
            }
        }
    }
}
