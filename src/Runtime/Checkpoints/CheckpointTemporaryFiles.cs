using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// The temporary files a save writes beside its target before renaming them over it, named
/// <c>{target's name}.plegen-tmp-{process id}-{8 random hex digits}-{host}</c> so that one left behind by a killed save
/// says what it is, which checkpoint it was for and whose it was. Every save first removes the leftovers of earlier saves
/// of the same target: those of a process on this host that no longer runs, and any untouched for <see cref="StaleAfter"/>.
/// </summary>
internal static class CheckpointTemporaryFiles
{
    public const string Marker = ".plegen-tmp-";

    /// <summary>
    /// A leftover untouched this long is stale whoever wrote it. A save writes its temporary file without pause and renames it
    /// right after, so only a dead writer leaves one alone for a day: this catches those whose process id was reused, or that
    /// ran on another machine sharing the directory (where a process id says nothing), without ever removing a live save's file.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(24);

    // Target names longer than this (in UTF-8 bytes) are shortened in temporary names, which must stay within the usual
    // 255-byte limit of a file name: prefix (at most 130) + marker (12) + id, random and dashes (20) + host (at most 40).
    private const int LongestTargetName = 120;
    private const int LongestHost = 40;

    /// <summary>This machine's name as temporary names carry it: letters, digits, '.' and '_' (anything else becomes '_').</summary>
    public static string LocalHost { get; } = HostPart(Environment.MachineName);

    /// <summary>A fresh temporary path beside the target <paramref name="targetName"/> in <paramref name="directory"/>.</summary>
    public static string NewPath(string directory, string targetName)
    {
        string random = ((uint)Random.Shared.NextInt64(1L << 32)).ToString("x8", CultureInfo.InvariantCulture);
        return Path.Combine(directory, $"{Prefix(targetName)}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{random}-{LocalHost}");
    }

    /// <summary>Removes the stale leftovers of saves of <paramref name="targetName"/>; a leftover that cannot be removed stays.</summary>
    public static void RemoveStale(string directory, string targetName)
    {
        string prefix = Prefix(targetName);
        DateTime now = DateTime.UtcNow;
        string[] candidates;
        try
        {
            candidates = [.. Directory.EnumerateFiles(directory, "*" + Marker + "*").Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the save itself will say what is wrong with the directory
        }

        foreach (string candidate in candidates)
        {
            if (!TryParse(Path.GetFileName(candidate)[prefix.Length..], out int processId, out string host))
            {
                continue; // named like ours but not made by a save: not ours to remove
            }

            try
            {
                bool ownerGone = host == LocalHost && processId != Environment.ProcessId && !IsRunning(processId);
                if (ownerGone || now - File.GetLastWriteTimeUtc(candidate) > StaleAfter)
                {
                    File.Delete(candidate);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removing leftovers is a courtesy; it never fails a save.
            }
        }
    }

    /// <summary>The start of every temporary name for <paramref name="targetName"/>: the name itself, or a shortened one plus its checksum.</summary>
    private static string Prefix(string targetName)
    {
        if (Encoding.UTF8.GetByteCount(targetName) <= LongestTargetName)
        {
            return targetName + Marker;
        }

        // Whole characters up to the limit, then the full name's checksum, so different long names stay apart.
        var kept = new StringBuilder();
        int bytes = 0;
        foreach (Rune rune in targetName.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > LongestTargetName - 9)
            {
                break;
            }

            kept.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        uint checksum = TensorChecksums.Crc32C(0, Encoding.UTF8.GetBytes(targetName));
        return kept.ToString() + "~" + checksum.ToString("x8", CultureInfo.InvariantCulture) + Marker;
    }

    /// <summary>Reads "{process id}-{8 hex digits}-{host}".</summary>
    private static bool TryParse(string rest, out int processId, out string host)
    {
        string[] parts = rest.Split('-', 3);
        host = parts.Length == 3 ? parts[2] : "";
        processId = 0;
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out processId)
            && parts[1].Length == 8 && parts[1].All(char.IsAsciiHexDigitLower)
            && host.Length > 0;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return true; // cannot tell: keep the file (the age rule removes it in time)
        }
    }

    private static string HostPart(string machineName)
    {
        var host = new StringBuilder(Math.Min(machineName.Length, LongestHost));
        foreach (char c in machineName.Take(LongestHost))
        {
            host.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        return host.Length > 0 ? host.ToString() : "host";
    }
}
