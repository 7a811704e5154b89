namespace Chatbot.TestSupport;

/// <summary>
/// Parses <c>text/event-stream</c> lines into events (heartbeat comments skipped); stops after a <c>done</c> or
/// <c>error</c> event, or after <c>max</c> events.
/// </summary>
public static class SseReader
{
    public static async Task<List<SseEvent>> ReadToEndAsync(TextReader reader, CancellationToken cancellationToken, int max = int.MaxValue)
    {
        var events = new List<SseEvent>();
        string? id = null, type = null, data = null;
        while (events.Count < max && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (type is not null)
                {
                    events.Add(new SseEvent(id, type, data ?? ""));
                    if (type is "done" or "error")
                    {
                        break;
                    }
                }
                id = type = data = null;
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        return events;
    }
}
