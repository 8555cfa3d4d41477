// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using System.Collections.Generic;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Stand-in for TorchSharp's module base class. A custom module registers the Module, Parameter and Tensor
        /// fields of its class as components named after the fields (RegisterComponents); names may not contain '.'.
        /// </summary>
        [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
        public class Module : IDisposable
        {
            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            protected Module(string name) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public void Dispose() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            protected virtual void Dispose(bool disposing) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual void train(bool train = true) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual void eval() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual bool training => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual void register_parameter(string name, Parameter param) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public virtual void register_module(string name, Module submodule) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            protected virtual void RegisterComponents() => throw new NotSupportedException("stand-in");
        }

        /// <summary>
        /// Stand-in for TorchSharp's base of modules whose forward takes one argument. In TorchSharp it derives from
        /// Module through HookableModule and implements IModule; the stand-in omits those (the emitter uses neither).
        /// </summary>
        [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
        public abstract class Module<T, TResult> : Module
        {
            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            protected Module(string name) : base(name) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
            public abstract TResult forward(T input);
        }
    }
}

/// <summary>Stand-in for TorchSharp's module conversions (extension methods, so they return the module's own type).</summary>
[TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
public static class ModuleExtensionMethods
{
    [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
    public static T to<T>(this T module, torch.ScalarType type, bool non_blocking = false) where T : torch.nn.Module => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
    public static T to<T>(this T module, torch.Device device, torch.ScalarType type, bool non_blocking = false) where T : torch.nn.Module => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/NN/Module.cs", "0.105.0")]
    public static T to<T>(this T module, torch.Device device, bool non_blocking = false) where T : torch.nn.Module => throw new NotSupportedException("stand-in");
}
