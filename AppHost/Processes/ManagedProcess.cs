using System.Diagnostics;

namespace Chatbot.AppHost.Processes;

/// <summary>A started child process whose output lines are forwarded and whose whole tree can be stopped or killed.</summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
        if (spec.RunAsUser is { } user && NativeMethods.IsRoot)
        {
            info.FileName = "setpriv";
            foreach (var arg in (string[])["--reuid", user, "--regid", user, "--init-groups", "--", spec.FileName])
            {
                info.ArgumentList.Add(arg);
            }
        }
        else
        {
            info.FileName = spec.FileName;
        }
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
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
        process.Exited += (_, _) => managed.OnExited();
        process.Start();
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
            KillLeftovers();
            return;
        }
        _lastTree = ProcessTree.Snapshot(Pid);
        _ = NativeMethods.Kill(Pid, _spec.StopSignal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
        }
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(2)));
        KillLeftovers();
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void KillLeftovers() => ProcessTree.Signal(_lastTree, NativeMethods.SigKill);

    private void OnExited()
    {
        // WaitForExit() without a timeout also waits for the redirected output to be drained.
        _ = Task.Run(() =>
        {
            _process.WaitForExit();
            _exited.TrySetResult(_process.ExitCode);
        });
    }
}
