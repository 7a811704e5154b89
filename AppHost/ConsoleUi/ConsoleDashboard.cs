using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.ConsoleUi;

/// <summary>
/// The AppHost's console: on a terminal, a live resource table pinned at the top (ANSI scroll region) with
/// colour-prefixed log lines scrolling underneath; when output is redirected (CI), plain state and log lines.
/// </summary>
public sealed class ConsoleDashboard : IAsyncDisposable
{
    private static readonly string[] Colours = ["36", "33", "35", "32", "34", "96", "93", "95", "92", "94", "91", "37"];
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLogStore _logs;
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _colourOf = [];
    private readonly Dictionary<string, string> _lastPrinted = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly PeriodicTimer? _timer;
    private readonly Task _redraw = Task.CompletedTask;
    private int _tableHeight;
    private bool _dirty = true;

    public ConsoleDashboard(ResourceNotificationService notifications, ResourceLogStore logs, TextWriter output, bool interactive)
    {
        _notifications = notifications;
        _logs = logs;
        _out = output;
        _interactive = interactive;
        notifications.Changed += OnChanged;
        logs.LineWritten += OnLine;
        if (interactive)
        {
            _timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            _redraw = RedrawLoopAsync();
        }
    }

    /// <summary>A line from the AppHost itself (e.g. "all resources healthy in 7.9s").</summary>
    public void Info(string message)
    {
        lock (_lock)
        {
            _out.WriteLine(_interactive ? $"\u001b[1m[apphost]\u001b[0m {message}" : $"[apphost] {message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _notifications.Changed -= OnChanged;
        _logs.LineWritten -= OnLine;
        _timer?.Dispose();
        await _redraw;
        if (_interactive)
        {
            lock (_lock)
            {
                DrawTable();
                _out.Write("\u001b[r"); // release the scroll region
                _out.Write($"\u001b[{Math.Max(Console.WindowHeight, 1)};1H\n");
            }
        }
        _out.Flush();
    }

    private void OnChanged(ResourceSnapshot snapshot)
    {
        if (_interactive)
        {
            _dirty = true;
            return;
        }
        lock (_lock)
        {
            var health = snapshot.Health is null ? "" : $" ({snapshot.Health})";
            var restarts = snapshot.Restarts > 0 ? $" restarts={snapshot.Restarts}" : "";
            var line = $"{snapshot.State}{health}{(snapshot.Url is null ? "" : $" {snapshot.Url}")}{restarts}";
            if (_lastPrinted.GetValueOrDefault(snapshot.Name) != line)
            {
                _lastPrinted[snapshot.Name] = line;
                _out.WriteLine($"[apphost] {_clock.Elapsed.TotalSeconds,5:0.0}s {snapshot.Name}: {line}");
            }
        }
    }

    private void OnLine(string resource, string line, bool isError)
    {
        lock (_lock)
        {
            if (!_interactive)
            {
                _out.WriteLine($"{resource} | {line}");
                return;
            }
            if (!_colourOf.TryGetValue(resource, out var colour))
            {
                _colourOf[resource] = colour = Colours[_colourOf.Count % Colours.Length];
            }
            var marker = isError ? "\u001b[31m!\u001b[0m" : " ";
            _out.WriteLine($"\u001b[{colour}m{resource,-18}\u001b[0m{marker}{line}");
        }
    }

    private async Task RedrawLoopAsync()
    {
        try
        {
            while (await _timer!.WaitForNextTickAsync())
            {
                if (_dirty)
                {
                    _dirty = false;
                    lock (_lock)
                    {
                        DrawTable();
                    }
                }
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void DrawTable()
    {
        var width = Math.Max(Console.WindowWidth, 40);
        var lines = ResourceTable.Render(_notifications.Snapshots, width - 1);
        var height = lines.Count + 1;
        if (height != _tableHeight)
        {
            _tableHeight = height;
            var bottom = Math.Max(Console.WindowHeight, height + 2);
            // Logs scroll in the region below the table; setting the region homes the cursor, so park it at the bottom.
            _out.Write($"\u001b[2J\u001b[{height + 1};{bottom}r\u001b[{bottom};1H");
        }
        _out.Write("\u001b7"); // save cursor
        for (var i = 0; i < lines.Count; i++)
        {
            var text = i == 0 ? $"\u001b[1;7m{lines[i].PadRight(width - 1)}\u001b[0m" : Colour(lines[i]);
            _out.Write($"\u001b[{i + 1};1H\u001b[2K{text}");
        }
        _out.Write($"\u001b[{lines.Count + 1};1H\u001b[2K{new string('─', width - 1)}");
        _out.Write("\u001b8"); // restore cursor
        _out.Flush();
    }

    private static string Colour(string line) =>
        line.Contains(HealthStatus.Unhealthy) || line.Contains(KnownResourceStates.FailedToStart) ? $"\u001b[31m{line}\u001b[0m"
        : line.Contains(HealthStatus.Healthy) ? $"\u001b[32m{line}\u001b[0m"
        : line;
}
