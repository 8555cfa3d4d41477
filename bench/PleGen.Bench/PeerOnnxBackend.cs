using System.IO;
using System.Linq;
using System;
using Microsoft.ML.OnnxRuntime;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Models;
using PleGen.Runtime.Tensors;

namespace PleGen.Bench;

/// <summary>
/// The <c>onnxruntime</c> inference backend: the managed peer model (seed 0, as the managed backend) exported through
/// the model's generated <c>ExportOnnx</c> to a temporary file, loaded by ONNX Runtime's CPU provider with every graph optimization on
/// (its default), <c>--threads</c> intra-op threads and sequential execution. One run feeds the same input as the other
/// backends (wrapped once, outside the timing) and fetches every task output, so no tower is pruned away.
/// </summary>
internal static class PeerOnnxBackend
{
    /// <summary>
    /// The workload, after checking once that ONNX Runtime's task0 logits match <paramref name="task0"/> (the managed
    /// forward) within 1e-4 relative, so a wrong export cannot be timed.
    /// </summary>
    public static PeerWorkload Inference(PeerConfig config, int batch, int threads, float[] x, IMultiTaskModel model, Func<float[], Tensor> task0)
    {
        model.Training = false;
        string path = Path.Combine(Path.GetTempPath(), $"plegen-bench-{config.Name}-{Guid.NewGuid():N}.onnx");
        var file = new TemporaryFile(path);
        // The peer models' generated ExportOnnx (static form: the parameters of the instance being timed).
        if (config.Name == "census")
        {
            CensusPeerModel.ExportOnnx(model.Parameters, path);
        }
        else
        {
            WidePeerModel.ExportOnnx(model.Parameters, path);
        }

        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        var session = new InferenceSession(path, options);
        OrtValue input = OrtValue.CreateTensorValueFromMemory(x, [batch, config.Width]);
        var runOptions = new RunOptions();
        string[] inputNames = ["x"];
        OrtValue[] inputs = [input];
        string[] outputNames = session.OutputNames.ToArray();
        using (IDisposableReadOnlyCollection<OrtValue> check = session.Run(runOptions, inputNames, inputs, ["Task0"]))
        using (Autograd.NoGrad())
        {
            ReadOnlySpan<float> onnx = check[0].GetTensorDataAsSpan<float>();
            float[] managed = task0(x).ToArray();
            for (int i = 0; i < managed.Length; i++)
            {
                if (Math.Abs(onnx[i] - managed[i]) > Math.Max(1e-4 * Math.Abs(managed[i]), 1e-5))
                {
                    throw new InvalidOperationException($"onnxruntime: the exported {config.Name} model's Task0[{i}] is {onnx[i]}, the managed forward's {managed[i]}; the export is wrong.");
                }
            }
        }

        return new PeerWorkload(PeerBackends.OnnxBackend, PeerBackends.ManagedParameters(model), () =>
        {
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, inputNames, inputs, outputNames);
        }, PeerBackends.NoMode, runOptions, input, session, options, file);
    }

    private sealed class TemporaryFile(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
