using System;
using System.IO;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// Where a save really writes, settled before anything is written. A symbolic link is followed to its final target, so the
/// links stay links and the file they lead to gets the new weights; that target must be a regular file the user may write,
/// or not exist yet. Directories, devices, pipes, sockets and read-only files are refused with what to do instead:
/// replacing them would silently undo what the user set up.
/// </summary>
/// <param name="FullPath">The file to replace or create (the final target of any links).</param>
/// <param name="Mode">The existing file's permissions, which the new file keeps; null for a new file or on Windows.</param>
internal sealed record CheckpointTarget(string FullPath, UnixFileMode? Mode)
{
    /// <summary>Resolves and checks <paramref name="path"/> as the target of a save.</summary>
    /// <exception cref="CheckpointException">The path cannot or must not be replaced; nothing has been written.</exception>
    public static CheckpointTarget ForSave(string path)
    {
        string target = FinalTarget(path);
        string it = target == Path.GetFullPath(path) ? "it" : $"its symbolic link leads to {target}, which";
        FileKind kind = FileKinds.Of(target);
        switch (kind)
        {
            case FileKind.Missing:
                return new CheckpointTarget(target, null);
            case FileKind.RegularFile:
                break;
            case FileKind.Directory:
                throw new CheckpointException($"Cannot save checkpoint {path}: {it} is a directory. Pass the path of a file in it, such as {Path.Combine(path, "model.safetensors")}. Nothing was written.");
            case FileKind.LinkLoop:
                throw LinkLoop(path, null);
            default:
                throw new CheckpointException($"Cannot save checkpoint {path}: {it} is {FileKinds.Describe(kind)}, not a regular file; Save writes checkpoint files and replaces nothing else. Pass the path of a file. Nothing was written.");
        }

        if (File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
        {
            string unlock = OperatingSystem.IsWindows() ? "clear its read-only attribute" : $"make it writable (chmod u+w {target})";
            throw new CheckpointException($"Cannot save checkpoint {path}: {it} is read-only{ModeText(target)}, and Save does not replace a checkpoint someone protected. To replace it, {unlock}; or save to another path. The file is unchanged.");
        }

        return new CheckpointTarget(target, OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target));
    }

    private static string FinalTarget(string path)
    {
        try
        {
            string fullPath = Path.GetFullPath(path);
            var file = new FileInfo(fullPath);
            return file.LinkTarget is null ? fullPath : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
        }
        catch (IOException e)
        {
            throw LinkLoop(path, e);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot save checkpoint {path}: {e.Message} Nothing was written.", e);
        }
    }

    private static CheckpointException LinkLoop(string path, Exception? inner)
    {
        string message = $"Cannot save checkpoint {path}: its symbolic links lead back to themselves (or through too many links) and never reach a file. Fix the links or pass the path of a file. Nothing was written.";
        return inner is null ? new CheckpointException(message) : new CheckpointException(message, inner);
    }

    private static string ModeText(string target) =>
        OperatingSystem.IsWindows() ? "" : " (mode " + Convert.ToString((int)File.GetUnixFileMode(target), 8).PadLeft(4, '0') + ")";
}
