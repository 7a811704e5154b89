using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Policies;

/// <summary>
/// Reads and writes a tenant's policy row; every write is audited (who, when, the policy's hash; and in the admin audit log,
/// the policy before and after, in the same transaction) and invalidates caches.
/// </summary>
public sealed class TenantPolicyStore(ModerationDbContext db, PolicyProvider policies, PolicyInvalidation invalidation,
    AuditWriter audit, AdminAudit adminAudit, TimeProvider clock)
{
    public async Task<TenantPolicyView> GetAsync(Guid tenantId, CancellationToken ct)
    {
        var (policy, row) = await policies.LoadAsync(tenantId, ct);
        return new TenantPolicyView(row is null ? "default" : "tenant", row?.Version ?? 0, row?.UpdatedAt, TenantPolicyMapper.ToDocument(policy));
    }

    /// <summary>Replaces the tenant's row with a valid document (fields left out keep the configured default).</summary>
    public async Task<TenantPolicyView> PutAsync(Guid tenantId, Guid adminId, TenantPolicyDocument document, CancellationToken ct)
    {
        var before = await GetAsync(tenantId, ct);
        var json = PolicyProvider.Serialize(document);
        var row = await db.TenantPolicies.FirstOrDefaultAsync(p => p.TenantId == tenantId, ct);
        if (row is null)
        {
            row = new TenantPolicy { TenantId = tenantId, Policy = json };
            db.TenantPolicies.Add(row);
        }
        row.Policy = json;
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = adminId;
        var after = new TenantPolicyView("tenant", row.Version, row.UpdatedAt,
            TenantPolicyMapper.ToDocument(TenantPolicyMapper.Apply(policies.Configured(tenantId), document)));
        adminAudit.Record(adminId, tenantId, "moderation.policy.updated", $"tenants/{tenantId}/moderation-policy", before, after);
        await audit.RecordAsync(tenantId, adminId, null, "policy", "updated", $"version:{row.Version}", json, queue: false, ct,
            actor: adminId.ToString());
        await invalidation.PublishAsync(tenantId);
        return await GetAsync(tenantId, ct);
    }
}
