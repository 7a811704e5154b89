namespace Chatbot.Identity.ApiKeys;

public sealed record VerifyApiKeyRequest(string Key);
