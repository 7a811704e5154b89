using System.Collections.Concurrent;

namespace Chatbot.AppHost.Orchestration;

/// <summary>Every line each resource wrote (stdout and stderr), kept for tests and streamed to the console.</summary>
public sealed class ResourceLogStore
{
    private readonly ConcurrentDictionary<string, List<string>> _lines = new();

    /// <summary>Raised for every line: resource name, line, whether it came from stderr.</summary>
    public event Action<string, string, bool>? LineWritten;

    public void Write(string resource, string line, bool isError = false)
    {
        var lines = _lines.GetOrAdd(resource, _ => []);
        lock (lines)
        {
            lines.Add(line);
        }
        LineWritten?.Invoke(resource, line, isError);
    }

    public IReadOnlyList<string> GetLines(string resource)
    {
        if (!_lines.TryGetValue(resource, out var lines))
        {
            return [];
        }
        lock (lines)
        {
            return [.. lines];
        }
    }

    /// <summary>The last lines of a resource, to explain a failure.</summary>
    public string Tail(string resource, int count = 15) => string.Join(Environment.NewLine, GetLines(resource).TakeLast(count));
}
