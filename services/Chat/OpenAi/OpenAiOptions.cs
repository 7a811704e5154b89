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

    /// <summary>The policy in force: <paramref name="stored"/> (the tenant's row) over the configured tenant entry over the defaults.</summary>
    public OpenAiTenantPolicy PolicyFor(Guid tenantId, OpenAiTenantPolicy? stored = null)
    {
        var configured = Tenants.GetValueOrDefault(tenantId.ToString("D"));
        return new OpenAiTenantPolicy
        {
            AllowSystemMessages = stored?.AllowSystemMessages ?? configured?.AllowSystemMessages ?? AllowSystemMessages,
            StoreConversations = stored?.StoreConversations ?? configured?.StoreConversations ?? StoreConversations,
            Models = stored?.Models ?? configured?.Models,
            DefaultModel = stored?.DefaultModel ?? configured?.DefaultModel,
        };
    }

    /// <summary>The aliases a caller of <paramref name="tier"/> under <paramref name="policy"/> may use, in configured order.</summary>
    public IEnumerable<OpenAiModel> Allowed(string tier, OpenAiTenantPolicy? policy = null) =>
        Models.Where(m => m.AllowsTier(tier) && (policy?.Models is not { } allowed || allowed.Contains(m.Id, StringComparer.Ordinal)));

    /// <summary>
    /// The alias <paramref name="id"/> if a caller of <paramref name="tier"/> under <paramref name="policy"/> may use it;
    /// <c>default</c> is the policy's default alias, or the first alias.
    /// </summary>
    public OpenAiModel? Find(string id, string tier, OpenAiTenantPolicy? policy = null)
    {
        var wanted = id == OpenAiModel.DefaultAlias ? policy?.DefaultModel ?? Models.FirstOrDefault()?.Id : id;
        return Allowed(tier, policy).FirstOrDefault(m => m.Id == wanted);
    }

    public bool IsAlias(string id) => Models.Any(m => m.Id == id);
}
