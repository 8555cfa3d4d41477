using Xunit;

namespace PleGen.Samples.Tests.Census;

/// <summary>
/// A fact that needs the real ../shared/data/census-income.test.gz (beside the repository root). When the file
/// is absent, the test is reported as skipped with the reason, never silently passed.
/// </summary>
public sealed class RequiresCensusDataFactAttribute : FactAttribute
{
    public RequiresCensusDataFactAttribute()
    {
        if (RealCensusFile.Path is null)
        {
            Skip = $"The census data is not available: {RealCensusFile.WhereLooked}. Put UCI's census-income.test.gz there to run this test.";
        }
    }
}
