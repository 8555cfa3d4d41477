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
        /// Stand-in for TorchSharp's ordered dictionary of submodules, registered under their keys in insertion
        /// order. In TorchSharp it also implements IDictionary&lt;string, T&gt; and IList&lt;(string, T)&gt;; the stand-in
        /// omits both interfaces (so no collection initialisers or LINQ), keeping the members the emitter needs.
        /// </summary>
        [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
        public class ModuleDict<T> : Module where T : Module
        {
            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public ModuleDict() : base(nameof(ModuleDict)) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            protected override void RegisterComponents() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public IEnumerable<string> keys() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public IEnumerable<T> values() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public (string, T) this[int index]
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public T this[string key]
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public int Count => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public void Add((string, T) item) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public void Add(string key, T value) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public bool ContainsKey(string key) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public IEnumerator<(string, T)> GetEnumerator() => throw new NotSupportedException("stand-in");
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public static ModuleDict<Module> ModuleDict(params (string, Module)[] modules) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/ModuleDict.cs", "0.105.0")]
            public static ModuleDict<T> ModuleDict<T>(params (string, T)[] modules) where T : Module => throw new NotSupportedException("stand-in");
        }
    }
}
