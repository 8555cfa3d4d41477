using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace PleGen.Tests.Shared;

/// <summary>
/// Snapshot assertions with Verify's conventions (Verify itself is not on our package feed):
/// <c>&lt;Class&gt;.&lt;Test&gt;.verified.cs</c> is committed beside the test; on a mismatch
/// <c>.received.cs</c> is written beside it and the test fails with a readable diff. A snapshot is accepted
/// only when <c>PLEGEN_ACCEPT_SNAPSHOTS=1</c> is set and <c>CI</c> is not.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "PLEGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    public static void Match(
        string actual,
        string extension = "cs",
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        string prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testName;
        Match(actual, directory, prefix, extension, Environment.GetEnvironmentVariable(AcceptVariable), Environment.GetEnvironmentVariable("CI"));
    }

    /// <summary>The testable core: all inputs explicit.</summary>
    public static void Match(string actual, string directory, string prefix, string extension, string? acceptSetting, string? ciSetting)
    {
        string verifiedPath = Path.Combine(directory, $"{prefix}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{prefix}.received.{extension}");
        string received = Normalize(actual);
        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        bool onCi = !string.IsNullOrEmpty(ciSetting) && !string.Equals(ciSetting, "false", StringComparison.OrdinalIgnoreCase);
        if (acceptSetting == "1" && !onCi)
        {
            WriteAtomically(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        WriteAtomically(receivedPath, received);
        string reason = verified is null
            ? $"No verified snapshot {verifiedPath} exists yet."
            : $"The output differs from {verifiedPath}:\n{LineDiff.Describe(verified, received)}";
        string howTo = onCi
            ? "Snapshots are never accepted on CI; review and accept locally."
            : $"Review {receivedPath}; to accept it, rerun with {AcceptVariable}=1.";
        throw new SnapshotMismatchException($"{reason}\n{howTo}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>A snapshot did not match.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
