using PleGen.Runtime.Experiments;

namespace PleGen.Samples.Experiments;

/// <summary>What a sample shows while its experiment runs: the runner's runs and progress, and its own lines of information.</summary>
public interface IExperimentDisplay : IRunObserver
{
    /// <summary>A line of information (data loaded, files written...).</summary>
    void Info(string message);
}
