namespace Chatbot.Contracts.Chat;

/// <summary>
/// One hit of <see cref="SearchConversations"/>: the conversation's title, when it was last active, and an excerpt of its
/// best matching message (null when only the title matched).
/// </summary>
public sealed record FoundConversation(string Title, DateTimeOffset UpdatedAt, string? Excerpt);
