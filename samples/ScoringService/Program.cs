using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using PleGen.Samples.ScoringService;

// dotnet run -c Release --project samples/ScoringService [-- --model model.safetensors] [--urls http://127.0.0.1:8080]
try
{
    WebApplication app = ScoringApp.Create(args);
    await app.RunAsync();
    return 0;
}
catch (ScoringStartupException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (IOException e)
{
    // Kestrel could not bind (address in use, permission denied).
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
