using PleGen.Runtime.Randomness;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// One batch of FeedTasks (Generated/Architectures.cs) as the arrays both flavors take: profile [batch, 7], the ids of
/// occupation (64) and region (32), click labels 0/1, watch-time values and a watch-time mask with zeros.
/// </summary>
internal sealed record FeedData(float[] Profile, int[] Occupation, int[] Region, float[] Click, float[] WatchTime, float[] WatchTimeMask)
{
    public const int ProfileWidth = 7;
    public const int OccupationCardinality = 64;
    public const int RegionCardinality = 32;

    /// <summary>Number of samples.</summary>
    public int Count => Click.Length;

    /// <summary>
    /// A random batch from <paramref name="seed"/>. Ids cover both ends of each vocabulary (0 and cardinality - 1) and the
    /// mask drops about a quarter of the samples, always including sample 2, so the masked mean (Eq. 9) really masks.
    /// </summary>
    public static FeedData Random(int count, ulong seed)
    {
        var random = new RandomSource(seed);
        var profile = new float[count * ProfileWidth];
        random.FillNormal(profile, 0f, 1f);
        var occupation = new int[count];
        var region = new int[count];
        var click = new float[count];
        var watchTime = new float[count];
        var mask = new float[count];
        for (int i = 0; i < count; i++)
        {
            occupation[i] = random.NextInt(OccupationCardinality);
            region[i] = random.NextInt(RegionCardinality);
            click[i] = random.NextFloat() < 0.4f ? 1f : 0f;
            watchTime[i] = 3f * random.NextFloat();
            mask[i] = random.NextFloat() < 0.25f ? 0f : 1f;
        }

        (occupation[0], occupation[1]) = (0, OccupationCardinality - 1);
        (region[0], region[1]) = (RegionCardinality - 1, 0);
        mask[2] = 0f;
        return new FeedData(profile, occupation, region, click, watchTime, mask);
    }
}
