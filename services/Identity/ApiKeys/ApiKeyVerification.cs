namespace Chatbot.Identity.ApiKeys;

/// <summary>What chat learns about a valid key: whom it acts for. Role is always member.</summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid TenantId, Guid UserId, string Role, string Tier, string[] Scopes);
