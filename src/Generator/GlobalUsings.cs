// The namespaces nearly every file of the generator uses.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using PleGen.Generator.Common;
global using System.Threading;
global using Microsoft.CodeAnalysis;
global using PleGen.Generator.Diagnostics;
