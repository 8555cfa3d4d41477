using System.Collections.Generic;
using System;
using PleGen.Runtime.Data;
using PleGen.Runtime.Randomness;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// Raw synthetic rows for <see cref="DemoTasks"/>, as a shop would log them: numeric columns <c>age</c>,
/// <c>tenure_months</c>, <c>visits</c>, <c>price</c>, categorical columns <c>city</c> and <c>device</c> (strings), and
/// the labels <c>purchase</c> (0/1) and <c>spend</c>. One city in ten is a village seen once (a long tail the
/// vocabulary maps to id 0, so the out-of-vocabulary embedding is trained too). Same seed, same rows.
/// </summary>
public static class DemoData
{
    /// <summary>The cities that get their own vocabulary id (in the training split, each appears many times).</summary>
    public static IReadOnlyList<string> Cities { get; } = ["Lyon", "Porto", "Turin", "Gent", "Graz", "Malmo", "Brno", "Cork"];

    /// <summary>The devices.</summary>
    public static IReadOnlyList<string> Devices { get; } = ["desktop", "phone", "tablet"];

    /// <summary>How <see cref="DemoTasks"/>' features bind to the raw columns: <c>profile</c> takes three of them.</summary>
    public static ColumnMapping Mapping() => new ColumnMapping().MapDense("profile", "age", "tenure_months", "visits");

    /// <summary>The numeric feature columns, standardized with the training split's statistics.</summary>
    public static IReadOnlyList<string> StandardizedColumns { get; } = ["age", "tenure_months", "visits", "price"];

    /// <summary>The categorical feature columns, encoded through vocabularies fitted on the training split.</summary>
    public static IReadOnlyList<string> CategoricalColumns { get; } = ["city", "device"];

    /// <summary><paramref name="rows"/> raw rows drawn from <paramref name="seed"/>.</summary>
    public static DataTable Generate(int rows, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var random = RandomSource.ForStream(seed, "scoring-demo");
        var age = new float[rows];
        var tenure = new float[rows];
        var visits = new float[rows];
        var price = new float[rows];
        var city = new string[rows];
        var device = new string[rows];
        var purchase = new float[rows];
        var spend = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            age[i] = 18 + random.NextInt(63);
            tenure[i] = random.NextInt(121);
            visits[i] = random.NextInt(21);
            price[i] = MathF.Round(5f + (495f * random.NextFloat() * random.NextFloat()), 2);
            int cityIndex = random.NextInt(Cities.Count + 1);
            city[i] = cityIndex < Cities.Count ? Cities[cityIndex] : $"village-{i}";
            int deviceIndex = random.NextInt(Devices.Count);
            device[i] = Devices[deviceIndex];

            // Both tasks read the same signals (visits, price, tenure, the city's and the device's effects), with
            // their own weights and noise: related tasks, which is where sharing experts pays.
            double cityEffect = cityIndex < Cities.Count ? (cityIndex - 3.5) * 0.25 : -0.5;
            double deviceEffect = deviceIndex == 1 ? 0.4 : deviceIndex == 2 ? -0.3 : 0.0;
            double intent = (0.15 * visits[i]) - (0.006 * price[i]) + (0.01 * tenure[i]) + cityEffect + deviceEffect - 0.8;
            double logit = intent + (0.5 * random.NextNormal());
            purchase[i] = logit > 0 ? 1f : 0f;
            spend[i] = (float)(2.0 + (0.6 * intent) + (0.01 * (age[i] - 45)) + (0.3 * random.NextNormal()));
        }

        return new DataTable(
        [
            new NumericColumn("age", age),
            new NumericColumn("tenure_months", tenure),
            new NumericColumn("visits", visits),
            new NumericColumn("price", price),
            new CategoricalColumn("city", city),
            new CategoricalColumn("device", device),
            new NumericColumn("purchase", purchase),
            new NumericColumn("spend", spend),
        ], "scoring demo (synthetic)");
    }
}
