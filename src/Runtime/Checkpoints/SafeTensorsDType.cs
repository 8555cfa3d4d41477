using System;
using System.Buffers.Binary;

namespace PleGen.Runtime.Checkpoints;

/// <summary>The safetensors dtypes PleGen reads; parameters are always written and loaded as F32.</summary>
internal enum SafeTensorsDType
{
    F32,
    F16,
    BF16,
    F64,
}

/// <summary>Names, widths and conversion to float32 of the readable dtypes.</summary>
internal static class SafeTensorsDTypes
{
    public const string Supported = "F32, and F16, BF16 or F64 converted to float32";

    public static bool TryParse(string name, out SafeTensorsDType dtype)
    {
        switch (name)
        {
            case "F32": dtype = SafeTensorsDType.F32; return true;
            case "F16": dtype = SafeTensorsDType.F16; return true;
            case "BF16": dtype = SafeTensorsDType.BF16; return true;
            case "F64": dtype = SafeTensorsDType.F64; return true;
            default: dtype = default; return false;
        }
    }

    public static int Size(SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F32 => 4,
        SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
        _ => 8,
    };

    /// <summary>Converts little-endian values of a 2- or 8-byte dtype to float32 (F64 rounds to nearest).</summary>
    public static void ConvertToSingle(SafeTensorsDType dtype, ReadOnlySpan<byte> source, Span<float> destination)
    {
        switch (dtype)
        {
            case SafeTensorsDType.F16:
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(source.Slice(i * 2, 2));
                }

                break;
            case SafeTensorsDType.BF16:
                // bfloat16 is the upper half of a float32.
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(i * 2, 2)) << 16);
                }

                break;
            case SafeTensorsDType.F64:
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(source.Slice(i * 8, 8));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "F32 is read without conversion.");
        }
    }
}
