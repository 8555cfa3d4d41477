using System;
using TorchSharp;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

public sealed partial class ReferencePleModule
{
    /// <summary>
    /// One mini-batch of model input, checked on construction (shapes and dtypes). The caller owns the tensors.
    /// </summary>
    public sealed class Batch
    {
        public Batch(Tensor profile, Tensor occupation, Tensor region)
        {
            BatchSize = ShapeChecks.Rows(profile, "Batch.Profile", "dense feature 'profile'", ProfileWidth, ScalarType.Float32);
            ShapeChecks.PerSample(occupation, "Batch.Occupation", $"ids of categorical feature 'occupation', 0 to {OccupationCardinality - 1}",
                BatchSize, "Batch.Profile", ScalarType.Int64);
            ShapeChecks.PerSample(region, "Batch.Region", $"ids of categorical feature 'region', 0 to {RegionCardinality - 1}",
                BatchSize, "Batch.Profile", ScalarType.Int64);
            Profile = profile;
            Occupation = occupation;
            Region = region;
        }

        /// <summary>
        /// A CPU batch from row-major arrays: <paramref name="profile"/> holds 7 values per sample, the id arrays one
        /// per sample.
        /// </summary>
        public static Batch FromArrays(float[] profile, long[] occupation, long[] region)
        {
            if (profile.Length != occupation.Length * ProfileWidth)
            {
                throw new ArgumentException(
                    $"profile holds {profile.Length} values but {occupation.Length} samples (the length of occupation) "
                    + $"need {occupation.Length} x {ProfileWidth} = {occupation.Length * ProfileWidth}; pass {ProfileWidth} values per sample, row after row.",
                    nameof(profile));
            }
            return new Batch(
                torch.tensor(profile, new long[] { occupation.Length, ProfileWidth }),
                torch.tensor(occupation),
                torch.tensor(region));
        }

        /// <summary>Number of samples.</summary>
        public long BatchSize { get; }

        /// <summary>Dense feature "profile": [batch, 7] float32.</summary>
        public Tensor Profile { get; }

        /// <summary>Categorical feature "occupation": [batch] int64 ids.</summary>
        public Tensor Occupation { get; }

        /// <summary>Categorical feature "region": [batch] int64 ids.</summary>
        public Tensor Region { get; }

        /// <summary>The same batch on <paramref name="device"/> (new tensors in the current dispose scope).</summary>
        public Batch To(Device device) => new(Profile.to(device), Occupation.to(device), Region.to(device));
    }
}
