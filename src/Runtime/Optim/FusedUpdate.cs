using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Optim;

/// <summary>
/// An optimizer's per-element update rule, over the parameter value, its gradient and up to three state buffers.
/// The vector and scalar forms must perform the same float operations in the same order, so a result does not
/// depend on the vector width or on which elements fall into the scalar tail.
/// </summary>
internal interface IFusedUpdateRule
{
    /// <summary>Updates a vector of elements: returns the new parameter values and updates the state in place.</summary>
    Vector<float> Update(Vector<float> value, Vector<float> gradient, ref Vector<float> state0, ref Vector<float> state1, ref Vector<float> state2);

    /// <summary>Updates one element, exactly as <see cref="Update(Vector{float}, Vector{float}, ref Vector{float}, ref Vector{float}, ref Vector{float})"/>.</summary>
    float Update(float value, float gradient, ref float state0, ref float state1, ref float state2);
}

/// <summary>
/// Runs an update rule in one pass over a parameter: vectorized, then a scalar tail. One pass instead of one per
/// operation keeps the parameter and its state in registers (measured, 1M parameters, AVX2: Adam 0.35 ns per
/// parameter, versus 1.4 ns as separate TensorPrimitives passes and 2.5 ns as a scalar loop). The rule is taken by
/// value so the JIT can keep its scalars in registers.
/// </summary>
internal static class FusedUpdate
{
    /// <summary>Applies <paramref name="rule"/>; state buffers are used in order and may be empty when the rule needs fewer.</summary>
    public static void Apply<TRule>(TRule rule, Span<float> value, ReadOnlySpan<float> gradient, Span<float> state0 = default, Span<float> state1 = default, Span<float> state2 = default)
        where TRule : struct, IFusedUpdateRule
    {
        bool has0 = !state0.IsEmpty, has1 = !state1.IsEmpty, has2 = !state2.IsEmpty;
        ref float p0 = ref MemoryMarshal.GetReference(value);
        ref float g0 = ref MemoryMarshal.GetReference(gradient);
        ref float a0 = ref MemoryMarshal.GetReference(state0);
        ref float b0 = ref MemoryMarshal.GetReference(state1);
        ref float c0 = ref MemoryMarshal.GetReference(state2);
        int n = value.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                nuint at = (nuint)i;
                Vector<float> a = has0 ? Vector.LoadUnsafe(ref a0, at) : default;
                Vector<float> b = has1 ? Vector.LoadUnsafe(ref b0, at) : default;
                Vector<float> c = has2 ? Vector.LoadUnsafe(ref c0, at) : default;
                rule.Update(Vector.LoadUnsafe(ref p0, at), Vector.LoadUnsafe(ref g0, at), ref a, ref b, ref c).StoreUnsafe(ref p0, at);
                Store(has0, a, ref a0, at);
                Store(has1, b, ref b0, at);
                Store(has2, c, ref c0, at);
            }
        }

        float unused = 0f;
        for (; i < n; i++)
        {
            ref float a = ref has0 ? ref Unsafe.Add(ref a0, i) : ref unused;
            ref float b = ref has1 ? ref Unsafe.Add(ref b0, i) : ref unused;
            ref float c = ref has2 ? ref Unsafe.Add(ref c0, i) : ref unused;
            Unsafe.Add(ref p0, i) = rule.Update(Unsafe.Add(ref p0, i), Unsafe.Add(ref g0, i), ref a, ref b, ref c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(bool present, Vector<float> values, ref float destination, nuint at)
    {
        if (present)
        {
            values.StoreUnsafe(ref destination, at);
        }
    }
}
