// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using System.Collections;
using System.Collections.Generic;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp.Utils;

/// <summary>Stand-in for TorchSharp's view of a tensor's elements (the return type of Tensor.data&lt;T&gt;()).</summary>
[TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
public sealed class TensorAccessor<T> : IDisposable, IEnumerable<T> where T : unmanaged
{
    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    internal TensorAccessor(torch.Tensor tensor) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    public long Count => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    public T[] ToArray() => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    public T this[params long[] indices]
    {
        get => throw new NotSupportedException("stand-in");
        set => throw new NotSupportedException("stand-in");
    }

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    public void Dispose() => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    public IEnumerator<T> GetEnumerator() => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Utils/TensorAccessor.cs", "0.105.0")]
    IEnumerator IEnumerable.GetEnumerator() => throw new NotSupportedException("stand-in");
}
