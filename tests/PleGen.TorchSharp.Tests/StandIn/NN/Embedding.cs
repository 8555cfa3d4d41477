// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>Stand-in for TorchSharp's embedding lookup: int64 ids [*] to rows of weight [num_embeddings, dim].</summary>
        [TorchSharpSource("src/TorchSharp/NN/Embedding.cs", "0.105.0")]
        public sealed class Embedding : torch.nn.Module<Tensor, Tensor>
        {
            [TorchSharpSource("src/TorchSharp/NN/Embedding.cs", "0.105.0")]
            internal Embedding(IntPtr handle, IntPtr boxedHandle) : base(nameof(Embedding)) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Embedding.cs", "0.105.0")]
            public override Tensor forward(Tensor input) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Embedding.cs", "0.105.0")]
            public Parameter? weight
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            [TorchSharpSource("src/TorchSharp/NN/Embedding.cs", "0.105.0")]
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) => throw new NotSupportedException("stand-in");
        }
    }
}
