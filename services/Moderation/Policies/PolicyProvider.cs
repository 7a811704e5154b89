using System.Text.Json;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Policies;

/// <summary>
/// The policy of a tenant: its <c>tenant_policies</c> row applied over the configured policy, or the configured
/// policy alone (<c>Moderation:Tenants:{tenantId}</c>, else <c>Moderation:Default</c>) when it has none. Cached per
/// tenant for <see cref="CacheFor"/>; a write invalidates the entry on every replica (see <see cref="PolicyInvalidation"/>).
/// </summary>
public sealed class PolicyProvider(IOptionsMonitor<ModerationOptions> options, IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ModerationPolicy Configured(Guid tenantId) =>
        options.CurrentValue.Tenants.TryGetValue(tenantId, out var policy) ? policy : options.CurrentValue.Default;

    public async ValueTask<ModerationPolicy> ForAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(tenantId), out ModerationPolicy? cached) && cached is not null) return cached;
        var (policy, _) = await LoadAsync(tenantId, cancellationToken);
        cache.Set(Key(tenantId), policy, CacheFor);
        return policy;
    }

    /// <summary>Reads the tenant's row (uncached) and returns the effective policy and the row, if any.</summary>
    public async Task<(ModerationPolicy Policy, Data.Entities.TenantPolicy? Row)> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        // Row-level security: the read runs as that tenant, also for callers without one (the service-credential route).
        using var tenant = TenantContext.Enter(tenantId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var row = await db.TenantPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == tenantId, cancellationToken);
        return row is null ? (Configured(tenantId), null) : (TenantPolicyMapper.Apply(Configured(tenantId), Parse(row.Policy)), row);
    }

    public void Invalidate(Guid tenantId) => cache.Remove(Key(tenantId));

    public static TenantPolicyDocument Parse(string json) => JsonSerializer.Deserialize<TenantPolicyDocument>(json, Json)!;

    public static string Serialize(TenantPolicyDocument document) => JsonSerializer.Serialize(document, Json);

    private static string Key(Guid tenantId) => $"moderation-policy:{tenantId:N}";
}
