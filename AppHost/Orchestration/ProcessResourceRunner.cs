using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// Runs one resource as a child process: prepare, start, wait until healthy; restarts it with backoff when it crashes
/// (unless it was stopped or killed on purpose); stops the whole process tree.
/// </summary>
public sealed class ProcessResourceRunner(
    ProcessRunnerDefinition definition,
    ResourceNotificationService notifications,
    ResourceLogStore logs) : IResourceRunner
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RestartBackoff _backoff = new(TimeProvider.System);
    private readonly CancellationTokenSource _disposed = new();
    private ManagedProcess? _process;
    private bool _stopRequested;
    private bool _paused;
    private int _restarts;

    public string Name => definition.Name;

    public int? Pid => _process is { HasExited: false } process ? process.Pid : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stopRequested = false;
            await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stopRequested = true;
            if (_process is { } process)
            {
                SetPaused(process, pause: false); // a stopped (SIGSTOP) process would not act on the stop signal
                Publish(s => s with { State = KnownResourceStates.Stopping });
                await (definition.GracefulStopAsync ?? (p => p.StopAsync(definition.StopGrace)))(process);
                await process.StopAsync(TimeSpan.FromSeconds(3));
                var exitCode = process.HasExited ? await process.Exited : (int?)null;
                Publish(s => s with { State = KnownResourceStates.Finished, Health = null, Pid = null, ExitCode = exitCode });
                _process = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>From now on an exit is expected: no crash restarts (the whole application is stopping).</summary>
    public void BeginShutdown() => _stopRequested = true;

    public Task KillAsync()
    {
        _stopRequested = true;
        _process?.Kill();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Chaos drills: SIGSTOP (<paramref name="pause"/> true) or SIGCONT to the whole process tree. Unlike a stop, a paused
    /// server keeps its port: clients connect (the kernel accepts) and then wait, as with a hung or throttled server.
    /// </summary>
    public async Task PauseAsync(bool pause)
    {
        await _gate.WaitAsync();
        try
        {
            var process = _process ?? throw new InvalidOperationException($"{Name} is not running.");
            SetPaused(process, pause);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void SetPaused(ManagedProcess process, bool pause)
    {
        if (_paused == pause)
        {
            return;
        }
        process.Freeze(pause);
        _paused = pause;
        Publish(s => s with { State = pause ? KnownResourceStates.Paused : KnownResourceStates.Running });
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        await _disposed.CancelAsync();
        await StopAsync(CancellationToken.None);
        if (definition.DisposeAsync is { } dispose)
        {
            await dispose();
        }
        _disposed.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Publish(s => s with { State = KnownResourceStates.Starting, Health = null, Url = definition.Url, Error = null, ExitCode = null });
        try
        {
            var spec = await definition.PrepareAsync(cancellationToken);
            var process = ManagedProcess.Start(spec, (line, isError) => logs.Write(Name, line, isError));
            _process = process;
            _paused = false;
            _backoff.Started();
            Publish(s => s with { Pid = process.Pid });
            _ = MonitorAsync(process);
            await HealthProbe.WaitUntilHealthyAsync(Name, definition.HealthCheck, () => process.HasExited,
                definition.StartTimeout, cancellationToken);
            if (definition.AfterHealthyAsync is { } afterHealthy)
            {
                await afterHealthy(cancellationToken);
            }
            Publish(s => s with { State = KnownResourceStates.Running, Health = HealthStatus.Healthy });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"{e.Message}{Environment.NewLine}{logs.Tail(Name)}";
            Publish(s => s with { State = KnownResourceStates.FailedToStart, Health = HealthStatus.Unhealthy, Error = error });
            throw new InvalidOperationException($"{Name} failed to start: {error}", e);
        }
    }

    private async Task MonitorAsync(ManagedProcess process)
    {
        var exitCode = await process.Exited;
        if (_stopRequested || _disposed.IsCancellationRequested || !ReferenceEquals(process, _process))
        {
            if (!_stopRequested || ReferenceEquals(process, _process))
            {
                Publish(s => s with { State = KnownResourceStates.Exited, Health = null, Pid = null, ExitCode = exitCode });
            }
            return;
        }
        Publish(s => s with { State = KnownResourceStates.Exited, Health = HealthStatus.Unhealthy, Pid = null, ExitCode = exitCode });
        if (!definition.RestartOnCrash)
        {
            return;
        }
        var delay = _backoff.NextDelay();
        logs.Write(Name, $"[apphost] {Name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0} s", isError: true);
        try
        {
            await Task.Delay(delay, _disposed.Token);
            await _gate.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            if (_stopRequested || !ReferenceEquals(process, _process))
            {
                return;
            }
            _restarts++;
            Publish(s => s with { Restarts = _restarts });
            await StartCoreAsync(_disposed.Token);
        }
        catch (Exception e)
        {
            logs.Write(Name, $"[apphost] restart of {Name} failed: {e.Message}", isError: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => notifications.Publish(Name, definition.Type, update);
}
