namespace Chatbot.TestSupport;

/// <summary>One server-sent event of a reply stream (heartbeats are not events).</summary>
public sealed record SseEvent(string? Id, string Type, string Data);
