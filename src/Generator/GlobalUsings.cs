// The namespaces nearly every file of the generator uses.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using PleGen.Generator.Common;
global using System.Threading;
global using Microsoft.CodeAnalysis;
global using PleGen.Generator.Diagnostics;
global using PleGen.Generator.Parsing;
global using PleGen.Generator.Plan;
global using static PleGen.Generator.Emit.Literals;
global using static PleGen.Generator.Emit.TypeNames;
