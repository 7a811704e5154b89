namespace Chatbot.Chat.OpenAi;

/// <summary>One tenant's <c>/v1</c> policy (<c>OpenAi:Tenants:{tenantId}</c>); null keeps the section's default.</summary>
public sealed class OpenAiTenantPolicy
{
    public bool? AllowSystemMessages { get; set; }
    public bool? StoreConversations { get; set; }
}
