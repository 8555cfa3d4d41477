using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PleGen.Samples.Tests.EndToEnd;

/// <summary>Runs a sample program (built beside the tests) as its own process, as a user would, capturing its output.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();

    private const string Env = "/usr/bin/env";

    private SampleProcess(string sample, string[] args, string workingDirectory)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, sample + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The sample {sample} is not built beside the tests ({dll}).", dll);
        }

        // A test host started in the background (`cmd &`) ignores SIGINT, and a child inherits that, so a Ctrl+C test
        // would see the sample run to the end. coreutils' env restores the default disposition before it execs the
        // sample (same process id, so the signal reaches it).
        bool resetSignals = OperatingSystem.IsLinux() && File.Exists(Env);
        var start = new ProcessStartInfo(resetSignals ? Env : DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (resetSignals)
        {
            start.ArgumentList.Add("--default-signal=INT,TERM");
            start.ArgumentList.Add(DotnetHost());
        }

        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public static SampleProcess Start(string sample, string workingDirectory, params string[] args) => new(sample, args, workingDirectory);

    /// <summary>Runs to the end and returns the exit code; fails the test if it takes longer than <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(string sample, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using SampleProcess process = Start(sample, workingDirectory, args);
        int code = process.WaitForExit(timeout);
        return (code, process.Output, process.Error);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample did not finish within {timeout}. Output so far:\n{Output}\nErrors:\n{Error}");
        }

        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/> (after the first <paramref name="after"/>, when given).</summary>
    public void WaitForOutput(string text, TimeSpan timeout, string? after = null)
    {
        var clock = Stopwatch.StartNew();
        bool Seen()
        {
            string output = Output;
            int from = after is null ? 0 : output.IndexOf(after, StringComparison.Ordinal);
            return from >= 0 && output.IndexOf(text, from, StringComparison.Ordinal) >= 0;
        }

        while (!Seen())
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"'{text}' did not appear (exited: {_process.HasExited}). Output:\n{Output}\nErrors:\n{Error}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>Sends the signal named <paramref name="signal"/> ("INT", "TERM").</summary>
    public void Signal(string signal)
    {
        using Process kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {_process.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string DotnetHost()
    {
        // Under `dotnet test` this process is the dotnet host itself; otherwise rely on PATH.
        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
