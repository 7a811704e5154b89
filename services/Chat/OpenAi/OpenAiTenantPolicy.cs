namespace Chatbot.Chat.OpenAi;

/// <summary>
/// One tenant's <c>/v1</c> policy: a configured override (<c>OpenAi:Tenants:{tenantId}</c>) or, from
/// <see cref="OpenAiOptions.PolicyFor"/>, the policy in force (stored row over configuration over the section's defaults).
/// A null field keeps the level below. <see cref="Models"/>: the aliases the tenant may use (null: all of the caller's
/// tier); <see cref="DefaultModel"/>: the alias <c>default</c> names (null: the first).
/// </summary>
public sealed class OpenAiTenantPolicy
{
    public bool? AllowSystemMessages { get; set; }
    public bool? StoreConversations { get; set; }
    public List<string>? Models { get; set; }
    public string? DefaultModel { get; set; }
}
