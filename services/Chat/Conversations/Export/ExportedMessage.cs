namespace Chatbot.Chat.Conversations.Export;

/// <summary>One message as an export shows it (the fields the web page's own export had).</summary>
public sealed record ExportedMessage(
    Guid Id, string Role, string Content, string Status, DateTimeOffset CreatedAt, string? Model, int? InputTokens, int? OutputTokens);
