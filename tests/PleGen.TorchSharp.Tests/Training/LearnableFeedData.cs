using System;
using PleGen.Runtime.Randomness;
using PleGen.TorchSharp.Tests.Generated;

namespace PleGen.TorchSharp.Tests.Training;

/// <summary>
/// A learnable data set for the FeedTasks group: click depends on two profile values and the occupation's parity,
/// watch_time on a third profile value and the region; watch_time's sample space is the clicked samples (Eq. 9).
/// </summary>
internal static class LearnableFeedData
{
    public static FeedTasks.Dataset Make(int count, ulong seed)
    {
        var random = new RandomSource(seed);
        var profile = new float[count * 7];
        random.FillNormal(profile, 0f, 1f);
        var occupation = new int[count];
        var region = new int[count];
        var click = new float[count];
        var watchTime = new float[count];
        var mask = new float[count];
        for (int i = 0; i < count; i++)
        {
            occupation[i] = random.NextInt(64);
            region[i] = random.NextInt(32);
            float score = profile[(i * 7) + 0] - profile[(i * 7) + 1] + ((occupation[i] % 2 == 0) ? 1f : -1f);
            click[i] = score > 0 ? 1f : 0f;
            watchTime[i] = (0.8f * profile[(i * 7) + 2]) + (region[i] < 16 ? 0.5f : -0.5f);
            mask[i] = click[i];
        }

        return new FeedTasks.Dataset(profile, occupation, region, click, watchTime, mask);
    }
}
