namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>The claims identity puts into every access token (JWT names, not the legacy SOAP URIs).</summary>
public static class ChatbotClaimTypes
{
    public const string Subject = "sub";
    public const string TenantId = "tenant_id";
    public const string Role = "role";
    public const string Tier = "tier";
    public const string Scope = "scope";
    /// <summary>Set on principals authenticated with an API key: the key's id.</summary>
    public const string ApiKeyId = "api_key_id";
}
