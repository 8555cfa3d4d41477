using System;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>Who a <see cref="UnixFactAttribute"/> test must run as.</summary>
public enum UnixUser
{
    Anyone,

    /// <summary>Root: only root makes device nodes.</summary>
    Root,

    /// <summary>Not root: root writes where permissions say no.</summary>
    NotRoot,
}

/// <summary>
/// A fact about Unix file-system behaviour (permissions, links, pipes, devices). Where it cannot run (on Windows, or as
/// the wrong user) it is reported as skipped with the reason, never silently passed.
/// </summary>
public sealed class UnixFactAttribute : FactAttribute
{
    private UnixUser _user;

    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file-system behaviour: does not apply on Windows.";
        }
    }

    public UnixUser User
    {
        get => _user;
        set
        {
            _user = value;
            bool root = Environment.UserName == "root";
            Skip ??= value switch
            {
                UnixUser.Root when !root => "Needs root (only root makes device nodes).",
                UnixUser.NotRoot when root => "Must not run as root (root writes where permissions say no).",
                _ => null,
            };
        }
    }
}
