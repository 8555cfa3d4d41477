using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

/// <summary>
/// The parameters of one expert MLP, registered as layers.{l}.weight and layers.{l}.bias. It has no forward:
/// its level runs all its experts as one bank (see ExtractionLevel). Like TorchSharp's own ModuleList, it derives
/// from the non-generic Module.
/// </summary>
internal sealed class Expert : nn.Module
{
    // Registered as "layers": the field name is the state_dict name.
    private readonly ModuleList<Linear> layers = new();

    public Expert(long inputWidth, IReadOnlyList<long> units) : base(nameof(Expert))
    {
        long width = inputWidth;
        foreach (long layerUnits in units)
        {
            layers.Add(nn.Linear(width, layerUnits));
            width = layerUnits;
        }
        RegisterComponents();
    }

    public Linear Layer(int index) => layers[index];
}
