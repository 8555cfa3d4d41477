using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Checkpoints;

/// <summary>What a path names, after following symbolic links.</summary>
internal enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    CharacterDevice,
    BlockDevice,
    NamedPipe,
    Socket,

    /// <summary>Symbolic links that lead back to themselves.</summary>
    LinkLoop,
}

/// <summary>
/// Tells a regular file from a directory, device, pipe or socket without opening it (opening a named pipe waits for a
/// writer). .NET reports all of those but directories as plain files, so on Linux this asks the kernel (statx, whose
/// layout is the same on every architecture); elsewhere it can only tell directories apart.
/// </summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int NoEntry = 2, NotDirectory = 20, TooManyLinks = 40;
    private const int StatxModeOffset = 28, StatxSize = 256;

    private static bool _statxMissing;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing && TryStatx(path, out FileKind kind))
        {
            return kind;
        }

        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.RegularFile : FileKind.Missing;
    }

    /// <summary>"a directory", "a character device", ... as a message says it.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.LinkLoop => "a loop of symbolic links",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static unsafe bool TryStatx(string path, out FileKind kind)
    {
        kind = FileKind.Missing;
        byte* buffer = stackalloc byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtCurrentDirectory, path, 0, StatxType, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true; // an old or non-glibc C library: fall back to what .NET can tell
            return false;
        }

        if (result != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            kind = error == TooManyLinks ? FileKind.LinkLoop : FileKind.Missing;
            return error is NoEntry or NotDirectory or TooManyLinks;
        }

        // The file type bits of st_mode (S_IFMT), as in <sys/stat.h>.
        kind = (*(ushort*)(buffer + StatxModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.NamedPipe,
            0xC000 => FileKind.Socket,
            _ => FileKind.RegularFile,
        };
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
