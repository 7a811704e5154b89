namespace Chatbot.Chat.Replies;

/// <summary>One entry of a reply stream: its id (the SSE event id), type (token | reset | error | done) and JSON data.</summary>
public sealed record ReplyStreamEvent(StreamEntryId Id, string Type, string Data);
