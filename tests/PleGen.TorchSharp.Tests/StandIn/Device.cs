// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's device descriptor ("cpu", "cuda", "cuda:1").</summary>
    [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
    public class Device
    {
        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public Device(string description) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public Device(string deviceType, int index = -1) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public Device(DeviceType deviceType, int index = -1) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public Device(int index) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public DeviceType type => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public int index => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public override string ToString() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
        public static implicit operator Device(string description) => throw new NotSupportedException("stand-in");
    }

    // A static readonly field in TorchSharp (initialised there by a native call). Declaration only: null here, and
    // never read by the tests, which compile against it but do not run TorchSharp code.
    [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
    public static readonly Device CPU = null!;

    [TorchSharpSource("src/TorchSharp/Device.cs", "0.105.0")]
    public static Device CUDA => throw new NotSupportedException("stand-in");

    /// <summary>Stand-in for TorchSharp's torch.cuda static class.</summary>
    [TorchSharpSource("src/TorchSharp/Torch.cs", "0.105.0")]
    public static partial class cuda
    {
        [TorchSharpSource("src/TorchSharp/Torch.cs", "0.105.0")]
        public static bool is_available() => throw new NotSupportedException("stand-in");
    }
}

/// <summary>Stand-in for TorchSharp's device kinds (all values of 0.105.0).</summary>
[TorchSharpSource("src/TorchSharp/Torch.cs", "0.105.0")]
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
    MKLDNN = 2,
    OPENGL = 3,
    OPENCL = 4,
    IDEEP = 5,
    HIP = 6,
    FPGA = 7,
    MSNPU = 8,
    XLA = 9,
    MPS = 13,
    META = 14,
}
