using System.Collections.Generic;

namespace PleGen.Runtime.Models;

/// <summary>What every generated model offers, whatever its declaration.</summary>
public interface IMultiTaskModel
{
    /// <summary>Every parameter under its state-dict name (expert banks contribute per-expert views).</summary>
    IReadOnlyList<NamedTensor> Parameters { get; }

    /// <summary>Training mode (dropout on) or evaluation mode.</summary>
    bool Training { get; set; }

    /// <summary>Writes the parameters to a safetensors checkpoint, atomically.</summary>
    void Save(string path);

    /// <summary>Loads a checkpoint written by <see cref="Save"/> (names and shapes must match; nothing changes otherwise).</summary>
    void Load(string path);
}
