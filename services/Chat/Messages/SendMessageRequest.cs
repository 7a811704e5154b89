namespace Chatbot.Chat.Messages;

/// <summary>Body of POST /api/conversations/{id}/messages.</summary>
public sealed record SendMessageRequest(string? Content);
