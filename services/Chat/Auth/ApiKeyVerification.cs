namespace Chatbot.Chat.Auth;

/// <summary>Identity's answer for a valid key (<c>POST /internal/api-keys/verify</c>).</summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid TenantId, Guid UserId, string Role, string Tier, string[] Scopes);
