namespace Chatbot.Chat.Conversations.Search;

/// <summary>One row of <see cref="SearchExcerpts"/>: a conversation and the excerpt of its best matching message.</summary>
public sealed record SearchExcerpt(Guid ConversationId, string Excerpt);
