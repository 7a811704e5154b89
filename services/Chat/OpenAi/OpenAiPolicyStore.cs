using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Tenants' <c>/v1</c> policies: stored in chat's database (<c>openai_policies</c>, one row per tenant, row-level security
/// by tenant), read through a per-replica cache of <see cref="CacheLifetime"/> so a completion does not pay a query. A
/// change is in force at once on the replica that saved it and within <see cref="CacheLifetime"/> on the others.
/// </summary>
public sealed class OpenAiPolicyStore(ChatDbContext db, IMemoryCache cache, IOptions<OpenAiOptions> options, AdminAudit audit, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    /// <summary>The policy in force for <paramref name="tenantId"/>: its stored row over the configuration.</summary>
    public async Task<OpenAiTenantPolicy> ForAsync(Guid tenantId, CancellationToken ct)
    {
        if (!cache.TryGetValue(Key(tenantId), out OpenAiTenantPolicy? stored))
        {
            stored = ToPolicy(await db.OpenAiPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == tenantId, ct));
            cache.Set(Key(tenantId), stored, CacheLifetime);
        }
        return options.Value.PolicyFor(tenantId, stored);
    }

    /// <summary>The tenant's stored row (null: none yet, the configuration applies).</summary>
    public Task<OpenAiPolicy?> GetAsync(Guid tenantId, CancellationToken ct) =>
        db.OpenAiPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == tenantId, ct);

    /// <summary>Replaces the tenant's stored row with <paramref name="policy"/>, with its admin audit entry in the same transaction.</summary>
    public async Task<OpenAiPolicy> SaveAsync(Guid tenantId, Guid actorId, OpenAiTenantPolicy policy, CancellationToken ct)
    {
        var row = await db.OpenAiPolicies.FirstOrDefaultAsync(p => p.TenantId == tenantId, ct);
        var before = ToPolicy(row);
        if (row is null)
        {
            row = new OpenAiPolicy { TenantId = tenantId, UpdatedAt = clock.GetUtcNow() };
            db.OpenAiPolicies.Add(row);
        }
        row.AllowSystemMessages = policy.AllowSystemMessages;
        row.StoreConversations = policy.StoreConversations;
        row.Models = policy.Models;
        row.DefaultModel = policy.DefaultModel;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record(actorId, tenantId, "chat.openai-policy.updated", $"tenants/{tenantId}/openai-policy", before, ToPolicy(row));
        await db.SaveChangesAsync(ct);
        cache.Remove(Key(tenantId));
        return row;
    }

    public static OpenAiTenantPolicy? ToPolicy(OpenAiPolicy? row) => row is null ? null : new OpenAiTenantPolicy
    {
        AllowSystemMessages = row.AllowSystemMessages,
        StoreConversations = row.StoreConversations,
        Models = row.Models,
        DefaultModel = row.DefaultModel,
    };

    private static string Key(Guid tenantId) => $"openai-policy:{tenantId:N}";
}
