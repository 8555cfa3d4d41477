// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using System.Collections.Generic;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>
        /// Stand-in for TorchSharp's list of submodules, registered as "0", "1", ... In TorchSharp it also implements
        /// IList&lt;T&gt;; the stand-in omits the interface, so foreach works (GetEnumerator) but LINQ does not.
        /// </summary>
        [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
        public class ModuleList<T> : Module where T : Module
        {
            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public ModuleList(params T[] modules) : base(nameof(ModuleList)) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            protected override void RegisterComponents() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public T this[int index]
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public int Count => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public void Add(T item) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public void append(params T[] parameters) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public IEnumerator<T> GetEnumerator() => throw new NotSupportedException("stand-in");
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public static ModuleList<Module> ModuleList(params Module[] modules) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleList.cs", "0.105.0")]
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => throw new NotSupportedException("stand-in");
        }
    }
}
