using System;
using ModelSummary;

// Every number below was computed by the PleGen generator at compile time from the attributes in CensusModels.cs.
Console.WriteLine(CensusPle.Architecture.Summary);
Console.WriteLine(CensusCgc.Architecture.Summary);
Console.WriteLine(CensusMmoe.Architecture.Summary);
Console.WriteLine(CensusMultiLevelMmoe.Architecture.Summary);
Console.WriteLine(CensusSharedBottom.Architecture.Summary);
Console.WriteLine(CensusSingleTask.Architecture.Summary);

Console.WriteLine("Parameters per architecture:");
Print(CensusPle.Architecture.Name, CensusPle.Architecture.TotalParameters);
Print(CensusCgc.Architecture.Name, CensusCgc.Architecture.TotalParameters);
Print(CensusMmoe.Architecture.Name, CensusMmoe.Architecture.TotalParameters);
Print(CensusMultiLevelMmoe.Architecture.Name, CensusMultiLevelMmoe.Architecture.TotalParameters);
Print(CensusSharedBottom.Architecture.Name, CensusSharedBottom.Architecture.TotalParameters);
Print(CensusSingleTask.Architecture.Name, CensusSingleTask.Architecture.TotalParameters);

static void Print(string name, long parameters) => Console.WriteLine($"  {name,-13} {parameters,10:N0}");
