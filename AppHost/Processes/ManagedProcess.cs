using System.Diagnostics;

namespace Chatbot.AppHost.Processes;

/// <summary>A started child process whose output lines are forwarded and whose whole tree can be stopped or killed.</summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<ProcessTree.ProcessId> _lastTree = [];

    private ManagedProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        _spec = spec;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Starts the process; <paramref name="onLine"/> gets every stdout/stderr line (isError = stderr).</summary>
    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> onLine)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Each child gets its own session (setsid execs in place, so the pid stays the real process): a Ctrl+C in the
        // terminal reaches only the AppHost, which then stops the children in order.
        info.FileName = "setsid";
        if (spec.Niceness != 0)
        {
            foreach (var arg in (string[])["nice", "-n", spec.Niceness.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                info.ArgumentList.Add(arg);
            }
        }
        if (spec.RunAsUser is { } user && NativeMethods.IsRoot)
        {
            foreach (var arg in (string[])["setpriv", "--reuid", user, "--regid", user, "--init-groups", "--"])
            {
                info.ArgumentList.Add(arg);
            }
        }
        info.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, spec);
        process.OutputDataReceived += (_, e) => Forward(e.Data, false, managed._stdoutClosed);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, true, managed._stderrClosed);
        process.Exited += (_, _) => managed.OnExited();
        process.Start();

        void Forward(string? line, bool isError, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult(); // end of stream
                return;
            }
            onLine(line, isError);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Graceful stop: the stop signal to the root, then SIGKILL to whatever of the tree is left after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            await KillLeftoversAsync();
            return;
        }
        _lastTree = ProcessTree.Snapshot(Pid);
        _ = NativeMethods.Kill(Pid, _spec.StopSignal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
        }
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(2)));
        await KillLeftoversAsync();
    }

    /// <summary>SIGKILL to the whole tree at once (chaos drills, or after a grace period ran out).</summary>
    public void Kill()
    {
        var tree = ProcessTree.Snapshot(Pid);
        if (tree.Count > 0)
        {
            _lastTree = tree;
        }
        ProcessTree.Signal(_lastTree, NativeMethods.SigKill);
    }

    /// <summary>SIGSTOP (<paramref name="pause"/>) or SIGCONT to the whole tree: a paused server keeps its port and sockets but answers nothing.</summary>
    public void Freeze(bool pause) => ProcessTree.Signal(ProcessTree.Snapshot(Pid), pause ? NativeMethods.SigStop : NativeMethods.SigCont);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    /// <summary>Children that outlived their parent (reparented, so no longer in its tree) get SIGKILL; returns once they are gone.</summary>
    private Task KillLeftoversAsync() => ProcessTree.KillAndWaitAsync(_lastTree, TimeSpan.FromSeconds(2));

    private void OnExited()
    {
        // Complete only once both output streams have been drained, so no line arrives after Exited.
        // (A grandchild may keep the pipes open after the process exits: wait at most a moment for it.)
        _ = Task.Run(async () =>
        {
            await Task.WhenAny(Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task), Task.Delay(TimeSpan.FromSeconds(2)));
            _exited.TrySetResult(_process.ExitCode);
        });
    }
}
