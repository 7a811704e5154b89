namespace Chatbot.Identity.ApiKeys;

public sealed record ApiKeyView(Guid Id, string Name, string DisplayPrefix, string[] Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
