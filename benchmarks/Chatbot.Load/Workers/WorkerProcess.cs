using System.Diagnostics;
using System.Text.Json;

namespace Chatbot.Load.Workers;

/// <summary>This program re-launched as a worker (<c>--worker sse ...</c>); its stdout lines are parsed as they come.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private volatile WorkerMessage _latest = new(0, 0);
    private readonly TaskCompletionSource<WorkerMessage> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker process.");
        _ = Task.Run(ReadAsync);
    }

    public WorkerMessage Latest => _latest;

    /// <summary>Asks the worker to close its streams and returns its recorded steps.</summary>
    public async Task<WorkerMessage> StopAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        return await _final.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            var message = JsonSerializer.Deserialize<WorkerMessage>(line)!;
            _latest = message;
            if (message.Steps is not null)
            {
                _final.TrySetResult(message);
            }
        }
        _final.TrySetException(new InvalidOperationException($"A worker exited (code {(_process.HasExited ? _process.ExitCode : -1)}) without reporting."));
    }
}
