using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PleGen.Runtime.Data;
using Proto = global::Onnx;

namespace PleGen.Runtime.Onnx;

/// <summary>
/// Builds a standard ONNX model (opset <see cref="Opset"/>, IR version <see cref="IrVersion"/>) of a PleGen model step by
/// step, the way a generated model's <c>ExportOnnx(path)</c> renders its plan: graph inputs per feature, embeddings, the
/// input concatenation, expert banks, gates and their mixes, bottoms and towers, then one graph output per task.
/// Parameters are looked up by their state-dict names and become the graph's initializers under the same names, once
/// each. Every step checks its parameters' shapes against its input; <see cref="Save(string)"/> checks that every parameter was
/// used before any byte is written. The layout of each step is in docs/onnx.md.
/// </summary>
/// <remarks>A writer is not thread-safe: one thread builds one graph.</remarks>
public sealed class OnnxModelWriter
{
    /// <summary>The ONNX operator set the graphs import (default domain): 17, widely served by ONNX Runtime and Triton.</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version of the files: 8, the version opset 17 was released with.</summary>
    public const int IrVersion = 8;

    /// <summary>The name of the dynamic batch axis of every input and output.</summary>
    public const string BatchAxis = "N";

    /// <summary>Largest total parameter size written inline: protobuf messages are limited to 2 GiB.</summary>
    internal const long MaxInitializerBytes = 2_000_000_000L;

    private readonly Dictionary<string, NamedTensor> _parameters = new(StringComparer.Ordinal);
    private readonly List<string> _parameterOrder = new();
    private readonly List<string> _usedParameters = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readInputs = new(StringComparer.Ordinal);
    private readonly Proto.GraphProto _graph = new();
    private readonly List<(string Key, string Value)> _metadata = new();
    private readonly List<string> _taskKinds = new();
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private readonly string _activationOp;
    private bool _broken;

    /// <summary>
    /// A writer for the model <paramref name="model"/> (its full type name) of <paramref name="architecture"/> (e.g. PLE),
    /// over its <paramref name="parameters"/> (e.g. <c>model.Parameters</c>), with <paramref name="activation"/> after
    /// every hidden layer.
    /// </summary>
    /// <exception cref="OnnxExportException">A parameter name is empty or given twice, or the activation is unknown.</exception>
    public OnnxModelWriter(string model, string architecture, IReadOnlyList<NamedTensor> parameters, Activation activation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentNullException.ThrowIfNull(parameters);
        Model = model;
        Architecture = architecture;
        Activation = activation;
        _activationOp = activation switch
        {
            Activation.Relu => "Relu",
            Activation.Tanh => "Tanh",
            Activation.Sigmoid => "Sigmoid",
            _ => throw new OnnxExportException($"OnnxModelWriter: unknown activation {activation}; ONNX export supports Relu, Tanh and Sigmoid."),
        };
        foreach (NamedTensor parameter in parameters)
        {
            if (string.IsNullOrEmpty(parameter.Name) || parameter.Tensor is null)
            {
                throw new OnnxExportException($"OnnxModelWriter: {model} has a parameter without a name or tensor; every parameter needs its state-dict name.");
            }

            if (!_parameters.TryAdd(parameter.Name, parameter))
            {
                throw new OnnxExportException($"OnnxModelWriter: {model} lists the parameter '{parameter.Name}' twice; state-dict names must be unique.");
            }

            _parameterOrder.Add(parameter.Name);
            _names.Add(parameter.Name);
        }

        _graph.Name = model;
    }

    /// <summary>The model's name, written as the graph's name and the <c>model</c> metadata.</summary>
    public string Model { get; }

    /// <summary>The architecture, written as the <c>architecture</c> metadata.</summary>
    public string Architecture { get; }

    /// <summary>The activation after every hidden layer.</summary>
    public Activation Activation { get; }

    /// <summary>The PleGen version written into every file (<c>plegen_version</c> metadata and the producer version).</summary>
    public static string PleGenVersion { get; } = ReadVersion();

    /// <summary>A graph input: the dense feature <paramref name="feature"/>, float32 <c>[N, width]</c>.</summary>
    public OnnxValue DenseInput(string feature, int width)
    {
        RequireName(feature, nameof(feature));
        if (width < 1)
        {
            throw Fail($"DenseInput('{feature}'): the width must be at least 1, but it is {width}.");
        }

        return Input(feature, OnnxElementType.Float32, [-1, width], 0);
    }

    /// <summary>A graph input: the categorical feature <paramref name="feature"/>, int64 ids <c>[N]</c> in [0, cardinality).</summary>
    public OnnxValue CategoricalInput(string feature, int cardinality)
    {
        RequireName(feature, nameof(feature));
        if (cardinality < 1)
        {
            throw Fail($"CategoricalInput('{feature}'): the cardinality must be at least 1, but it is {cardinality}.");
        }

        return Input(feature, OnnxElementType.Int64, [-1], cardinality);
    }

    /// <summary>
    /// A graph input for a categorical feature that takes its cardinality from the data: int64 ids <c>[N]</c> in
    /// [0, rows of <c>{table}.weight</c>), the table the model was built with.
    /// </summary>
    public OnnxValue CategoricalInputSizedBy(string feature, string table)
    {
        RequireName(feature, nameof(feature));
        RequireName(table, nameof(table));
        string weight = table + ".weight";
        Tensor tensor = Parameter(weight, $"CategoricalInputSizedBy('{feature}')");
        if (tensor.Rank != 2 || tensor.Shape[0] < 1)
        {
            throw Fail($"CategoricalInputSizedBy('{feature}'): the table '{weight}' must be [cardinality, dim] with at least one row, but it is {ShapeUtil.Format(tensor.Shape)}.");
        }

        return CategoricalInput(feature, tensor.Shape[0]);
    }

    /// <summary>The rows of the table <c>{table}.weight</c> [cardinality, dim] for <paramref name="ids"/>: a Gather, <c>[N, dim]</c>.</summary>
    public OnnxValue Embedding(string table, OnnxValue ids)
    {
        RequireName(table, nameof(table));
        Own(ids, nameof(ids), $"Embedding('{table}')");
        if (ids.ElementType != OnnxElementType.Int64)
        {
            throw Fail($"Embedding('{table}'): the ids must be a categorical input (int64 [N]), but {ids} is float32.");
        }

        string weight = table + ".weight";
        Tensor tensor = Parameter(weight, $"Embedding('{table}')");
        if (tensor.Rank != 2 || tensor.Shape[0] != ids.Cardinality)
        {
            throw Fail(
                $"Embedding('{table}'): the table '{weight}' must be [{ids.Cardinality}, dim] for the {ids.Cardinality} ids of '{ids.Name}', but it is {ShapeUtil.Format(tensor.Shape)}.");
        }

        Use(weight);
        return Node("Gather", table + "/Gather", [weight, ids.Name], [-1, tensor.Shape[1]]);
    }

    /// <summary>The parts side by side along axis 1 (<c>[N, sum of widths]</c>); a single part is returned as is.</summary>
    public OnnxValue Concat(params OnnxValue[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw Fail("Concat: needs at least one part.");
        }

        int width = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            Own(parts[i], nameof(parts), "Concat");
            RequireMatrix(parts[i], $"Concat part {i}");
            width += parts[i].Width;
        }

        return parts.Length == 1
            ? parts[0]
            : Node("Concat", "input/Concat", parts.Select(p => p.Name).ToArray(), [-1, width], Int("axis", 1));
    }

    /// <summary>The element-wise sum of <paramref name="parts"/> (one width for all), <c>[N, width]</c>; a single part is returned as is.</summary>
    public OnnxValue Sum(params OnnxValue[] parts) => Elementwise("Sum", parts);

    /// <summary>The element-wise mean of <paramref name="parts"/> (one width for all), <c>[N, width]</c>; a single part is returned as is.</summary>
    public OnnxValue Mean(params OnnxValue[] parts) => Elementwise("Mean", parts);

    /// <summary>
    /// An expert bank: expert e is the MLP of <paramref name="layers"/> Linear layers <c>{layerPrefixes[e]}.{l}</c>, each
    /// followed by the activation, all reading <paramref name="input"/> [N, in]; the experts' outputs stacked in order,
    /// <c>[N, experts, units]</c>.
    /// </summary>
    public OnnxValue ExpertBank(IReadOnlyList<string> layerPrefixes, int layers, OnnxValue input)
    {
        ArgumentNullException.ThrowIfNull(layerPrefixes);
        string step = $"ExpertBank({(layerPrefixes.Count > 0 ? "'" + layerPrefixes[0] + "'" : "no experts")}{(layerPrefixes.Count > 1 ? ", ..." : "")})";
        Own(input, nameof(input), step);
        RequireMatrix(input, step);
        if (layerPrefixes.Count == 0)
        {
            throw Fail("ExpertBank: needs at least one expert's layer prefix.");
        }

        RequireLayers(layers, step);
        foreach (string prefix in layerPrefixes)
        {
            RequireName(prefix, nameof(layerPrefixes));
        }

        var experts = new OnnxValue[layerPrefixes.Count];
        int units = -1;
        for (int e = 0; e < layerPrefixes.Count; e++)
        {
            OnnxValue x = input;
            for (int l = 0; l < layers; l++)
            {
                x = Activate(Linear(layerPrefixes[e] + "." + l.ToString(CultureInfo.InvariantCulture), x, step));
            }

            if (units >= 0 && x.Width != units)
            {
                throw Fail(
                    $"{step}: every expert of a bank must end with the same width, but '{layerPrefixes[0]}' ends with {units} units and '{layerPrefixes[e]}' with {x.Width}.");
            }

            units = x.Width;
            experts[e] = Node("Unsqueeze", layerPrefixes[e] + "/Unsqueeze", [x.Name, Axes(1)], [-1, 1, units]);
        }

        return experts.Length == 1
            ? experts[0]
            : Node("Concat", layerPrefixes[0] + "/Bank", experts.Select(x => x.Name).ToArray(), [-1, experts.Length, units], Int("axis", 1));
    }

    /// <summary>
    /// An MLP of <paramref name="layers"/> Linear layers <c>{layerPrefix}.{l}</c> on <paramref name="input"/>, the activation
    /// after each, except after the last when <paramref name="lastIsOutput"/> (a tower): <c>[N, units]</c>.
    /// </summary>
    public OnnxValue Mlp(string layerPrefix, int layers, OnnxValue input, bool lastIsOutput)
    {
        RequireName(layerPrefix, nameof(layerPrefix));
        string step = $"Mlp('{layerPrefix}')";
        Own(input, nameof(input), step);
        RequireMatrix(input, step);
        RequireLayers(layers, step);
        OnnxValue x = input;
        for (int l = 0; l < layers; l++)
        {
            x = Linear(layerPrefix + "." + l.ToString(CultureInfo.InvariantCulture), x, step);
            if (!(lastIsOutput && l == layers - 1))
            {
                x = Activate(x);
            }
        }

        return x;
    }

    /// <summary>One hidden layer: the Linear layer <c>{layer}.weight/.bias</c> on <paramref name="input"/>, then the activation, <c>[N, out]</c>.</summary>
    public OnnxValue Hidden(string layer, OnnxValue input)
    {
        RequireName(layer, nameof(layer));
        string step = $"Hidden('{layer}')";
        Own(input, nameof(input), step);
        RequireMatrix(input, step);
        return Activate(Linear(layer, input, step));
    }

    /// <summary>
    /// Row <paramref name="row"/> of the cross-stitch unit whose alpha is the parameter <paramref name="alpha"/>
    /// [rows, columns]: <c>sum_j alpha[row, j] * columns[j]</c> over columns of one shape [N, width], <c>[N, width]</c>.
    /// </summary>
    public OnnxValue CrossStitch(string alpha, int row, params OnnxValue[] columns)
    {
        RequireName(alpha, nameof(alpha));
        ArgumentNullException.ThrowIfNull(columns);
        string step = $"CrossStitch('{alpha}', {row.ToString(CultureInfo.InvariantCulture)})";
        Tensor weights = Parameter(alpha, step);
        if (columns.Length == 0 || weights.Rank != 2 || weights.Shape[1] != columns.Length || row < 0 || row >= weights.Shape[0])
        {
            throw Fail($"{step}: the parameter must be [rows, {columns.Length}] with the row in range, but it is {ShapeUtil.Format(weights.Shape)}.");
        }

        RequireSameWidths(columns, "column", step);
        Use(alpha);
        OnnxValue weightRow = Node("Gather", Prefix(alpha, ".alpha") + "/Row", [alpha, Axes(row)], [1, columns.Length], Int("axis", 0));
        return WeightedSum(Prefix(alpha, ".alpha"), weightRow, columns);
    }

    /// <summary>
    /// Task <paramref name="task"/>'s output of the sluice alpha unit whose alpha is the parameter <paramref name="alpha"/>
    /// [T * S, T * S] over the T <paramref name="columns"/> [N, width], each split into <paramref name="subspaces"/> (S)
    /// subspaces of width / S units: subspace s of the result is <c>sum_{j, r} alpha[task * S + s, j * S + r] * subspace (j, r)</c>,
    /// <c>[N, width]</c>.
    /// </summary>
    public OnnxValue SubspaceMix(string alpha, int task, int subspaces, params OnnxValue[] columns)
    {
        RequireName(alpha, nameof(alpha));
        ArgumentNullException.ThrowIfNull(columns);
        string step = $"SubspaceMix('{alpha}', {task.ToString(CultureInfo.InvariantCulture)})";
        Tensor weights = Parameter(alpha, step);
        int size = columns.Length * subspaces;
        if (columns.Length == 0 || subspaces < 1 || weights.Rank != 2 || weights.Shape[0] != size || weights.Shape[1] != size || task < 0 || task >= columns.Length)
        {
            throw Fail($"{step}: the parameter must be [{columns.Length} columns * {subspaces} subspaces] square with at least one subspace and the task in range, but it is {ShapeUtil.Format(weights.Shape)}.");
        }

        RequireSameWidths(columns, "column", step);
        int width = columns[0].Width, units = width / subspaces;
        if (width % subspaces != 0)
        {
            throw Fail($"{step}: the columns' width {width} does not split into {subspaces} subspaces of equal width.");
        }

        Use(alpha);
        string prefix = Prefix(alpha, ".alpha");
        OnnxValue joined = columns.Length == 1 ? columns[0] : Node("Concat", prefix + "/Columns", columns.Select(c => c.Name).ToArray(), [-1, columns.Length * width], Int("axis", 1));
        OnnxValue split = Node("Reshape", prefix + "/Subspaces", [joined.Name, Int64s(0, size, units)], [-1, size, units]);
        long[] rows = Enumerable.Range(task * subspaces, subspaces).Select(r => (long)r).ToArray();
        OnnxValue weightRows = Node("Gather", prefix + "/Rows", [alpha, Int64s(rows)], [subspaces, size], Int("axis", 0));
        OnnxValue mixed = Node("MatMul", prefix + "/Mix", [weightRows.Name, split.Name], [-1, subspaces, units]);
        return Node("Reshape", prefix + "/Join", [mixed.Name, Int64s(0, width)], [-1, width]);
    }

    /// <summary>
    /// The sluice beta unit whose weights are the parameter <paramref name="beta"/> [layers]: <c>sum_l beta[l] * layers[l]</c>
    /// over layer outputs of one shape [N, width], <c>[N, width]</c>.
    /// </summary>
    public OnnxValue LayerMix(string beta, params OnnxValue[] layers)
    {
        RequireName(beta, nameof(beta));
        ArgumentNullException.ThrowIfNull(layers);
        string step = $"LayerMix('{beta}')";
        Tensor weights = Parameter(beta, step);
        if (layers.Length == 0 || weights.Rank != 1 || weights.Shape[0] != layers.Length)
        {
            throw Fail($"{step}: the parameter must be [{layers.Length}], one weight per layer output, but it is {ShapeUtil.Format(weights.Shape)}.");
        }

        RequireSameWidths(layers, "layer output", step);
        Use(beta);
        OnnxValue weightRow = Node("Unsqueeze", Prefix(beta, ".beta") + "/Row", [beta, Axes(0)], [1, layers.Length]);
        return WeightedSum(Prefix(beta, ".beta"), weightRow, layers);
    }

    /// <summary>A gate's weights: softmax over the experts of the Linear layer <c>{gate}.weight/.bias</c> on <paramref name="selector"/>, <c>[N, experts]</c>.</summary>
    public OnnxValue GateWeights(string gate, OnnxValue selector)
    {
        RequireName(gate, nameof(gate));
        string step = $"GateWeights('{gate}')";
        Own(selector, nameof(selector), step);
        RequireMatrix(selector, step);
        OnnxValue logits = Linear(gate, selector, step);
        return Node("Softmax", gate + "/Softmax", [logits.Name], [-1, logits.Width], Int("axis", 1), gate: gate);
    }

    /// <summary>
    /// A gate's mix: the sum over the experts of <paramref name="banks"/> (in order) weighted by <paramref name="weights"/>
    /// [N, experts], <c>[N, units]</c>.
    /// </summary>
    public OnnxValue GateMix(OnnxValue weights, params OnnxValue[] banks)
    {
        ArgumentNullException.ThrowIfNull(banks);
        Own(weights, nameof(weights), "GateMix");
        RequireMatrix(weights, "GateMix");
        string step = $"GateMix('{weights.Gate ?? weights.Name}')";
        if (banks.Length == 0)
        {
            throw Fail($"{step}: needs at least one expert bank [N, experts, units].");
        }

        int experts = 0, units = -1;
        for (int i = 0; i < banks.Length; i++)
        {
            Own(banks[i], nameof(banks), step);
            if (banks[i].Rank != 3 || banks[i].ElementType != OnnxElementType.Float32 || (units >= 0 && banks[i].Width != units))
            {
                throw Fail(
                    $"{step}: every bank must be an expert bank [N, experts, {(units >= 0 ? units.ToString(CultureInfo.InvariantCulture) : "units")}], but bank {i} is {banks[i]}.");
            }

            units = banks[i].Width;
            experts += banks[i].Dim(1);
        }

        if (experts != weights.Width)
        {
            throw Fail($"{step}: the weights {weights} weigh {weights.Width} experts, but the {banks.Length} bank(s) hold {experts}.");
        }

        string prefix = weights.Gate ?? weights.Name;
        string stacked = banks.Length == 1
            ? banks[0].Name
            : Node("Concat", prefix + "/Experts", banks.Select(b => b.Name).ToArray(), [-1, experts, units], Int("axis", 1)).Name;
        OnnxValue row = Node("Unsqueeze", prefix + "/Unsqueeze", [weights.Name, Axes(1)], [-1, 1, experts]);
        OnnxValue mixed = Node("MatMul", prefix + "/Mix", [row.Name, stacked], [-1, 1, units]);
        return Node("Squeeze", prefix + "/Squeeze", [mixed.Name, Axes(1)], [-1, units]);
    }

    /// <summary>
    /// A binary task's outputs: <paramref name="logitName"/> (the tower's <paramref name="logit"/> [N, 1] squeezed to [N])
    /// and <paramref name="probabilityName"/> (its sigmoid, [N]).
    /// </summary>
    public void BinaryOutput(string logitName, string probabilityName, OnnxValue logit)
    {
        RequireName(probabilityName, nameof(probabilityName));
        string step = $"BinaryOutput('{logitName}')";
        RequireFree(probabilityName, step);
        if (probabilityName == logitName)
        {
            throw Fail($"{step}: the logit and the probability need different output names.");
        }

        OnnxValue squeezed = TaskOutput(logitName, logit, step);
        Output(Node("Sigmoid", probabilityName, [squeezed.Name], [-1], exactName: true));
        _taskKinds.Add(logitName + "=binary");
    }

    /// <summary>A regression task's output <paramref name="name"/>: the tower's <paramref name="value"/> [N, 1] squeezed to [N].</summary>
    public void RegressionOutput(string name, OnnxValue value)
    {
        TaskOutput(name, value, $"RegressionOutput('{name}')");
        _taskKinds.Add(name + "=regression");
    }

    /// <summary>An extra graph output named <paramref name="gate"/>: the gate's <paramref name="weights"/> [N, experts].</summary>
    public void GateOutput(string gate, OnnxValue weights)
    {
        RequireName(gate, nameof(gate));
        string step = $"GateOutput('{gate}')";
        Own(weights, nameof(weights), step);
        if (weights.Gate is null)
        {
            throw Fail($"{step}: the weights must come from GateWeights, but {weights} is not a gate's weights.");
        }

        RequireFree(gate, step);
        Output(Node("Identity", gate, [weights.Name], [-1, weights.Width], exactName: true));
    }

    /// <summary>
    /// Adds <paramref name="key"/> = <paramref name="value"/> to the file's metadata_props. The writer sets
    /// <c>model</c>, <c>architecture</c>, <c>activation</c>, <c>task_kinds</c> and <c>plegen_version</c> itself; those keys
    /// and keys given twice are refused.
    /// </summary>
    public void Metadata(string key, string value)
    {
        RequireName(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        if (OnnxMetadataKeys.Reserved.Contains(key, StringComparer.Ordinal))
        {
            throw Fail($"Metadata('{key}'): the writer sets '{key}' itself (from its constructor, outputs and version); choose another key.");
        }

        if (_metadata.Any(m => m.Key == key))
        {
            throw Fail($"Metadata('{key}'): the key is given twice; each metadata key holds one value.");
        }

        _metadata.Add((key, value));
    }

    /// <summary>
    /// Checks the graph (at least one task output, every parameter and input used), then writes the model to
    /// <paramref name="path"/> atomically: a temporary file beside it, renamed over it, so a failure leaves any previous
    /// file unchanged and no partial file.
    /// </summary>
    /// <exception cref="OnnxExportException">The graph is incomplete or a parameter unused (nothing is written), or the write failed.</exception>
    public void Save(string path) => Save(path, wrapStream: null);

    /// <summary>The model as ONNX protobuf bytes, after the same checks as <see cref="Save(string)"/>.</summary>
    public byte[] ToBytes()
    {
        Proto.ModelProto model = Build();
        return Google.Protobuf.MessageExtensions.ToByteArray(model);
    }

    /// <summary><see cref="Save(string)"/> with a stream wrapper, so tests can fail the write midway.</summary>
    internal void Save(string path, Func<System.IO.Stream, System.IO.Stream>? wrapStream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = ToBytes();
        AtomicFile.Write(path, bytes, (message, inner) => inner is null
            ? new OnnxExportException($"ONNX export of {Model}: {message}")
            : new OnnxExportException($"ONNX export of {Model}: {message}", inner), wrapStream);
    }

    /// <summary>The model proto, after checking that the graph is complete and every parameter is used.</summary>
    internal Proto.ModelProto Build()
    {
        if (_broken)
        {
            throw new OnnxExportException($"ONNX export of {Model}: an earlier step of this writer failed, so its graph is incomplete; fix the step and start a new writer. Nothing was written.");
        }

        if (_taskKinds.Count == 0)
        {
            throw new OnnxExportException($"ONNX export of {Model}: the graph has no task output; call BinaryOutput or RegressionOutput for every task. Nothing was written.");
        }

        string[] unused = _parameterOrder.Where(p => !_used.Contains(p)).ToArray();
        if (unused.Length > 0)
        {
            throw new OnnxExportException(
                $"ONNX export of {Model}: {unused.Length} parameter(s) are not used by the graph: {Sample(unused)}. Every parameter must be read by a step " +
                "(an architecture the exporter does not support, or a missing step). Nothing was written.");
        }

        string[] unread = _graph.Input.Select(i => i.Name).Where(i => !_readInputs.Contains(i)).ToArray();
        if (unread.Length > 0)
        {
            throw new OnnxExportException($"ONNX export of {Model}: the input(s) {Sample(unread)} are never read by a step. Nothing was written.");
        }

        long bytes = _usedParameters.Sum(p => (long)_parameters[p].Tensor.Length * sizeof(float));
        if (bytes > MaxInitializerBytes)
        {
            throw new OnnxExportException(
                $"ONNX export of {Model}: the parameters take {bytes:N0} bytes, more than the {MaxInitializerBytes:N0} a single ONNX protobuf file holds (external data is not supported). Nothing was written.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new OnnxExportException("ONNX export needs a little-endian machine: ONNX raw tensor data is little-endian. Nothing was written.");
        }

        Proto.GraphProto graph = _graph.Clone();
        foreach (string name in _usedParameters)
        {
            graph.Initializer.Add(Initializer(name, _parameters[name].Tensor));
        }

        var model = new Proto.ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "PleGen",
            ProducerVersion = PleGenVersion,
            Domain = "ai.plegen",
            ModelVersion = 1,
            DocString = $"{Model}: {Architecture}, exported by PleGen {PleGenVersion}.",
            Graph = graph,
        };
        model.OpsetImport.Add(new Proto.OperatorSetIdProto { Domain = "", Version = Opset });
        AddMetadata(model, OnnxMetadataKeys.Model, Model);
        AddMetadata(model, OnnxMetadataKeys.Architecture, Architecture);
        AddMetadata(model, OnnxMetadataKeys.Activation, Activation.ToString());
        AddMetadata(model, OnnxMetadataKeys.TaskKinds, string.Join(",", _taskKinds));
        AddMetadata(model, OnnxMetadataKeys.PleGenVersion, PleGenVersion);
        foreach (var (key, value) in _metadata)
        {
            AddMetadata(model, key, value);
        }

        return model;
    }

    private static void AddMetadata(Proto.ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new Proto.StringStringEntryProto { Key = key, Value = value });

    private static Proto.TensorProto Initializer(string name, Tensor tensor)
    {
        var proto = new Proto.TensorProto { Name = name, DataType = (int)Proto.TensorProto.Types.DataType.Float };
        foreach (int dim in tensor.Shape)
        {
            proto.Dims.Add(dim);
        }

        ReadOnlySpan<float> data = tensor.Data;
        proto.RawData = Google.Protobuf.ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data));
        return proto;
    }

    private OnnxValue TaskOutput(string name, OnnxValue value, string step)
    {
        RequireName(name, nameof(name));
        Own(value, nameof(value), step);
        if (value.Rank != 2 || value.Width != 1 || value.ElementType != OnnxElementType.Float32)
        {
            throw Fail($"{step}: the tower's output must be [N, 1], but it is {value}.");
        }

        RequireFree(name, step);
        OnnxValue squeezed = Node("Squeeze", name, [value.Name, Axes(1)], [-1], exactName: true);
        Output(squeezed);
        return squeezed;
    }

    private OnnxValue Input(string feature, OnnxElementType type, int[] shape, int cardinality)
    {
        RequireFree(feature, $"Input('{feature}')");
        _names.Add(feature);
        _graph.Input.Add(ValueInfo(feature, type, shape));
        return new OnnxValue(this, feature, type, shape, cardinality);
    }

    private void Output(OnnxValue value) => _graph.Output.Add(ValueInfo(value.Name, value.ElementType, value.Shape));

    private static Proto.ValueInfoProto ValueInfo(string name, OnnxElementType type, IReadOnlyList<int> shape)
    {
        var tensorShape = new Proto.TensorShapeProto();
        foreach (int dim in shape)
        {
            tensorShape.Dim.Add(dim < 0 ? new Proto.TensorShapeProto.Types.Dimension { DimParam = BatchAxis } : new Proto.TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new Proto.ValueInfoProto
        {
            Name = name,
            Type = new Proto.TypeProto { TensorType = new Proto.TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    /// <summary>ONNX's variadic Sum or Mean over float32 [N, width] values of one width.</summary>
    private OnnxValue Elementwise(string op, OnnxValue[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw Fail($"{op}: needs at least one part.");
        }

        for (int i = 0; i < parts.Length; i++)
        {
            Own(parts[i], nameof(parts), op);
            RequireMatrix(parts[i], $"{op} part {i}");
            if (parts[i].Width != parts[0].Width)
            {
                throw Fail($"{op}: every part must have the width of part 0 ({parts[0]}), but part {i} is {parts[i]}.");
            }
        }

        return parts.Length == 1
            ? parts[0]
            : Node(op, parts[0].Name + "/" + op, parts.Select(p => p.Name).ToArray(), [-1, parts[0].Width]);
    }

    /// <summary>Every value this writer's, float32 [N, width], of the width of value 0.</summary>
    private void RequireSameWidths(OnnxValue[] values, string what, string step)
    {
        for (int j = 0; j < values.Length; j++)
        {
            Own(values[j], nameof(values), step);
            RequireMatrix(values[j], step);
            if (values[j].Width != values[0].Width)
            {
                throw Fail($"{step}: every {what} must have the width of {what} 0 ({values[0]}), but {what} {j} is {values[j]}.");
            }
        }
    }

    /// <summary>
    /// <c>weightRow</c> [1, n] times the <paramref name="inputs"/> [N, width] stacked along a new axis 1 ([N, n, width]),
    /// squeezed back to <c>[N, width]</c>: <c>sum_j weightRow[j] * inputs[j]</c>.
    /// </summary>
    private OnnxValue WeightedSum(string prefix, OnnxValue weightRow, OnnxValue[] inputs)
    {
        int width = inputs[0].Width;
        var stacked = inputs.Select(c => Node("Unsqueeze", prefix + "/Unsqueeze", [c.Name, Axes(1)], [-1, 1, width]).Name).ToArray();
        string all = inputs.Length == 1 ? stacked[0] : Node("Concat", prefix + "/Columns", stacked, [-1, inputs.Length, width], Int("axis", 1)).Name;
        OnnxValue mixed = Node("MatMul", prefix + "/Mix", [weightRow.Name, all], [-1, 1, width]);
        return Node("Squeeze", prefix + "/Squeeze", [mixed.Name, Axes(1)], [-1, width]);
    }

    /// <summary>A parameter's module prefix: its name without the <paramref name="suffix"/> (".alpha"), for node names.</summary>
    private static string Prefix(string parameter, string suffix) => parameter.EndsWith(suffix, StringComparison.Ordinal) ? parameter[..^suffix.Length] : parameter;

    /// <summary>x W^T + b for the Linear layer <c>{prefix}.weight</c> [out, in] and <c>{prefix}.bias</c> [out]: a Gemm with transB.</summary>
    private OnnxValue Linear(string prefix, OnnxValue x, string step)
    {
        string weightName = prefix + ".weight", biasName = prefix + ".bias";
        Tensor weight = Parameter(weightName, step), bias = Parameter(biasName, step);
        if (weight.Rank != 2 || weight.Shape[1] != x.Width)
        {
            throw Fail(
                $"{step}: the weight '{weightName}' must be [out, {x.Width}] (PyTorch's Linear layout) to read {x}, but it is {ShapeUtil.Format(weight.Shape)}.");
        }

        if (bias.Rank != 1 || bias.Shape[0] != weight.Shape[0])
        {
            throw Fail(
                $"{step}: the bias '{biasName}' must be [{weight.Shape[0]}] for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(bias.Shape)}.");
        }

        Use(weightName);
        Use(biasName);
        return Node("Gemm", prefix + "/Gemm", [x.Name, weightName, biasName], [-1, weight.Shape[0]], Int("transB", 1));
    }

    private OnnxValue Activate(OnnxValue x)
    {
        string prefix = x.Name.EndsWith("/Gemm", StringComparison.Ordinal) ? x.Name[..^"/Gemm".Length] : x.Name;
        return Node(_activationOp, prefix + "/" + _activationOp, [x.Name], [-1, x.Width]);
    }

    /// <summary>A Constant node holding the int64 axes tensor [axis] (Unsqueeze and Squeeze take axes as an input since opset 13).</summary>
    private string Axes(long axis) => Int64s(axis);

    /// <summary>A Constant node holding an int64 vector (axes, shapes, indices), made once per distinct vector.</summary>
    private string Int64s(params long[] values)
    {
        string key = string.Join("_", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        if (_constants.TryGetValue(key, out string? name))
        {
            return name;
        }

        var tensor = new Proto.TensorProto { DataType = (int)Proto.TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        var value = new Proto.AttributeProto { Name = "value", Type = Proto.AttributeProto.Types.AttributeType.Tensor, T = tensor };
        name = Node("Constant", (values.Length == 1 ? "constants/axes_" : "constants/int64s_") + key, [], [values.Length], value).Name;
        _constants[key] = name;
        return name;
    }

    private static Proto.AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = Proto.AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>
    /// Appends a node computing one value; its name is <paramref name="name"/>, made unique with a <c>:k</c> suffix unless
    /// <paramref name="exactName"/> (graph outputs, whose names the caller checked are free).
    /// </summary>
    private OnnxValue Node(string op, string name, string[] inputs, int[] shape, Proto.AttributeProto? attribute = null, string? gate = null, bool exactName = false)
    {
        string unique = name;
        for (int k = 2; !exactName && _names.Contains(unique); k++)
        {
            unique = name + ":" + k.ToString(CultureInfo.InvariantCulture);
        }

        _names.Add(unique);
        foreach (string input in inputs)
        {
            _readInputs.Add(input);
        }

        var node = new Proto.NodeProto { OpType = op, Name = unique };
        node.Input.AddRange(inputs);
        node.Output.Add(unique);
        if (attribute is not null)
        {
            node.Attribute.Add(attribute);
        }

        _graph.Node.Add(node);
        return new OnnxValue(this, unique, OnnxElementType.Float32, shape, gate: gate);
    }

    private Tensor Parameter(string name, string step)
    {
        if (_parameters.TryGetValue(name, out NamedTensor parameter))
        {
            return parameter.Tensor;
        }

        string prefix = name.Contains('.', StringComparison.Ordinal) ? name[..name.IndexOf('.', StringComparison.Ordinal)] : name;
        string[] near = _parameterOrder.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        throw Fail(
            $"{step}: the graph needs the parameter '{name}', but {Model}'s {_parameterOrder.Count} parameters have no such name" +
            (near.Length > 0 ? $" (those under '{prefix}': {Sample(near)})." : "."));
    }

    private void Use(string parameter)
    {
        if (_used.Add(parameter))
        {
            _usedParameters.Add(parameter);
        }
    }

    private void Own(OnnxValue value, string argument, string step)
    {
        ArgumentNullException.ThrowIfNull(value, argument);
        if (!ReferenceEquals(value.Writer, this))
        {
            throw Fail(
                $"{step}: the value '{value.Name}' belongs to another OnnxModelWriter (of {value.Writer.Model}); pass only values this writer made.");
        }
    }

    private void RequireMatrix(OnnxValue value, string step)
    {
        if (value.Rank != 2 || value.ElementType != OnnxElementType.Float32)
        {
            throw Fail($"{step}: needs a float32 [N, width] value, but {value} is {(value.ElementType == OnnxElementType.Int64 ? "int64 ids (embed them first)" : "of another rank")}.");
        }
    }

    private void RequireLayers(int layers, string step)
    {
        if (layers < 1)
        {
            throw Fail($"{step}: needs at least one layer, but layers is {layers}.");
        }
    }

    private static void RequireName(string name, string argument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, argument);
    }

    private void RequireFree(string name, string step)
    {
        if (_names.Contains(name))
        {
            string what = _parameters.ContainsKey(name) ? "a parameter" : "an input, output or step of the graph";
            throw Fail($"{step}: the name '{name}' is already taken by {what}; graph inputs and outputs need unique names.");
        }
    }

    /// <summary>Marks the writer broken (a step stopped halfway) and returns the exception to throw.</summary>
    private OnnxExportException Fail(string message)
    {
        _broken = true;
        return new OnnxExportException(message);
    }

    private static string Sample(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(6).Select(n => "'" + n + "'")) + (names.Count > 6 ? $" and {names.Count - 6} more" : "");

    private static string ReadVersion()
    {
        string? version = typeof(OnnxModelWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        version ??= typeof(OnnxModelWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
