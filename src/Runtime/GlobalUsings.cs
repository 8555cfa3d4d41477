// The runtime's own areas, visible to each other inside this assembly (consumers import the ones they use).
global using PleGen.Runtime.Checkpoints;
global using PleGen.Runtime.Generated;
global using PleGen.Runtime.Gradients;
global using PleGen.Runtime.Init;
global using PleGen.Runtime.Memory;
global using PleGen.Runtime.Metrics;
global using PleGen.Runtime.Models;
global using PleGen.Runtime.Operations;
global using PleGen.Runtime.Optim;
global using PleGen.Runtime.Randomness;
global using PleGen.Runtime.Tensors;
global using PleGen.Runtime.Training;
