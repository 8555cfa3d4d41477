using System.ComponentModel;
using System;

namespace PleGen.Runtime.Generated;

/// <summary>Gathers mini-batch rows out of column arrays (generated data sets use it to build batches).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Rows
{
    /// <summary>The given rows of a [n, width] row-major float column, as a new [rows, width] array.</summary>
    public static float[] Gather(float[] source, int width, ReadOnlySpan<int> rows)
    {
        var result = new float[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
        {
            source.AsSpan(rows[i] * width, width).CopyTo(result.AsSpan(i * width, width));
        }

        return result;
    }

    /// <summary>The given rows of an id column.</summary>
    public static int[] Gather(int[] source, ReadOnlySpan<int> rows)
    {
        var result = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            result[i] = source[rows[i]];
        }

        return result;
    }
}
