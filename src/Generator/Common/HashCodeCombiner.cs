namespace PleGen.Generator.Common;

/// <summary>netstandard2.0 has no System.HashCode: a small FNV-style combiner for value-equal models.</summary>
internal static class HashCodeCombiner
{
    public static int Combine(int seed, int value)
    {
        unchecked
        {
            return (seed * 16777619) ^ value;
        }
    }
}
