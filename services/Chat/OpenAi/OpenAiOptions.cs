using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Section <c>OpenAi</c>: the model aliases <c>/v1</c> offers and the tenant policies it applies. A tenant without an
/// entry in <see cref="Tenants"/> gets the defaults <see cref="AllowSystemMessages"/> and <see cref="StoreConversations"/>.
/// </summary>
public sealed class OpenAiOptions
{
    public const string Section = "OpenAi";

    /// <summary>The aliases, first one = <c>default</c>. Every alias runs on the worker's provider chain.</summary>
    [MinLength(1, ErrorMessage = "OpenAi:Models must list at least one model alias.")]
    public List<OpenAiModel> Models { get; set; } = [];

    /// <summary>A caller's system message is sent as a system instruction (true) or as untrusted context under the platform prompt (false).</summary>
    public bool AllowSystemMessages { get; set; }

    /// <summary>Requests without <c>metadata.conversation_id</c> are kept as a new conversation (true) or deleted once answered (false).</summary>
    public bool StoreConversations { get; set; }

    /// <summary>Per tenant id (<c>OpenAi:Tenants:{tenantId}:StoreConversations</c>): overrides of the two defaults above.</summary>
    public Dictionary<string, OpenAiTenantPolicy> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public OpenAiTenantPolicy PolicyFor(Guid tenantId) =>
        Tenants.TryGetValue(tenantId.ToString("D"), out var policy)
            ? new OpenAiTenantPolicy
            {
                AllowSystemMessages = policy.AllowSystemMessages ?? AllowSystemMessages,
                StoreConversations = policy.StoreConversations ?? StoreConversations,
            }
            : new OpenAiTenantPolicy { AllowSystemMessages = AllowSystemMessages, StoreConversations = StoreConversations };

    /// <summary>The alias <paramref name="id"/> (<c>default</c>: the first) if a caller of <paramref name="tier"/> may use it.</summary>
    public OpenAiModel? Find(string id, string tier)
    {
        var model = id == OpenAiModel.DefaultAlias ? Models.FirstOrDefault() : Models.FirstOrDefault(m => m.Id == id);
        return model is not null && model.AllowsTier(tier) ? model : null;
    }
}
