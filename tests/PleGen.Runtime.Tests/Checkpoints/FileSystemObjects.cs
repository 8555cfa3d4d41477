using System.Diagnostics;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>Makes and inspects the file-system objects .NET has no API for (named pipes, device nodes), through coreutils.</summary>
internal static class FileSystemObjects
{
    /// <summary>What <c>stat -c %F</c> calls <paramref name="path"/> (without following a link): "regular file", "fifo", "character special file", "symbolic link", ...</summary>
    public static string KindOf(string path) => Run("stat", ["-c", "%F", path]).Output.Trim();

    public static void MakeFifo(string path) => Run("mkfifo", [path]);

    /// <summary>A character device node like /dev/null (1, 3); only root may make one.</summary>
    public static void MakeNullDevice(string path) => Run("mknod", [path, "c", "1", "3"]);

    private static (int ExitCode, string Output) Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new System.InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return (process.ExitCode, output);
    }
}
