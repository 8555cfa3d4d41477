using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Cli;

/// <summary>The command that repeats a run, for results files: the sample's `dotnet run` line with the arguments quoted for a POSIX shell.</summary>
public static class CommandLineText
{
    /// <summary>"dotnet run -c Release --project samples/NAME -- ARGS".</summary>
    public static string For(string sampleFolder, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string command = $"dotnet run -c Release --project samples/{sampleFolder}";
        return args.Count == 0 ? command : command + " -- " + string.Join(" ", args.Select(Quote));
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:+@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
