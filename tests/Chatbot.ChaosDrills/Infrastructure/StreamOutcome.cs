using Chatbot.TestSupport;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>How a followed reply stream ended: its events, how often the client reconnected, and whether it ended with 204.</summary>
public sealed record StreamOutcome(IReadOnlyList<SseEvent> Events, int Reconnects, bool EndedWith204)
{
    /// <summary>The final event (<c>done</c> or <c>error</c>), or null when the stream never delivered one.</summary>
    public string? FinalType => Events.Count > 0 && Events[^1].Type is "done" or "error" ? Events[^1].Type : null;
}
