namespace Chatbot.Identity.ApiKeys;

public sealed record CreateApiKeyRequest(string Name, string[]? Scopes = null);
