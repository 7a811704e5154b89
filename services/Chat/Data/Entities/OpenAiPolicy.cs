namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// A tenant's policy for the OpenAI-compatible door (<c>/v1</c>), set by its administrators through
/// <c>PUT /api/openai/policy</c>. A null field keeps the deployment's default (<c>OpenAi</c> configuration).
/// </summary>
public sealed class OpenAiPolicy
{
    public required Guid TenantId { get; init; }
    public bool? AllowSystemMessages { get; set; }
    public bool? StoreConversations { get; set; }
    /// <summary>The model aliases this tenant's callers may use (null: every alias of their tier).</summary>
    public List<string>? Models { get; set; }
    /// <summary>The alias <c>default</c> stands for (null: the first alias).</summary>
    public string? DefaultModel { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
}
