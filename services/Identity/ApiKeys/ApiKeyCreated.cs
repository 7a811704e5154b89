namespace Chatbot.Identity.ApiKeys;

/// <summary>The only time the key itself is shown.</summary>
public sealed record ApiKeyCreated(Guid Id, string Name, string Key, string DisplayPrefix, string[] Scopes, DateTimeOffset CreatedAt);
