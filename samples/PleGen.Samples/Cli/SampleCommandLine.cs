using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace PleGen.Samples.Cli;

/// <summary>
/// Runs a sample's root command. Parse errors (an unknown option, a value that is not a number, one out of range) print
/// their messages (without the help text; a last line points at --help) and exit with <see cref="ExitCodes.Usage"/>, like the sample's own checks of its input.
/// Ctrl+C and SIGTERM are left to the experiment (<see cref="Interruption"/>), which stops cleanly and reports.
/// </summary>
public static class SampleCommandLine
{
    /// <summary>Parses <paramref name="args"/> and invokes <paramref name="root"/>'s action, or reports the parse errors.</summary>
    public static int Invoke(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction errors)
        {
            // The errors alone (each names its option and value), not buried under the whole help text.
            errors.ShowHelp = false;
        }

        int code = parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine("Run with --help to see every option.");
        }

        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
