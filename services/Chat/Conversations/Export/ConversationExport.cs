namespace Chatbot.Chat.Conversations.Export;

/// <summary>The JSON export of one conversation; <see cref="Messages"/> oldest first, streamed from the database.</summary>
public sealed record ConversationExport(
    Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset ExportedAt, IAsyncEnumerable<ExportedMessage> Messages);
