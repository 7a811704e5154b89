using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Chatbot.Chat.Tools;

/// <summary>
/// The tenants' tools (<c>tools</c>, row-level security by tenant). A turn reads its tenant's list through a per-replica
/// cache of <see cref="CacheLifetime"/>, so sending a message pays no query for it; a change is in force at once on the
/// replica that made it and within <see cref="CacheLifetime"/> on the others.
/// </summary>
public sealed class ToolStore(ChatDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public Task<List<TenantTool>> ListAsync(Guid tenantId, CancellationToken ct) =>
        db.Tools.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.Name).ToListAsync(ct);

    public Task<int> CountAsync(Guid tenantId, CancellationToken ct) => db.Tools.CountAsync(t => t.TenantId == tenantId, ct);

    public async Task AddAsync(TenantTool tool, CancellationToken ct)
    {
        db.Tools.Add(tool);
        await db.SaveChangesAsync(ct);
        cache.Remove(Key(tool.TenantId));
    }

    public async Task<bool> DeleteAsync(Guid tenantId, string name, CancellationToken ct)
    {
        var deleted = await db.Tools.Where(t => t.TenantId == tenantId && t.Name == name).ExecuteDeleteAsync(ct) > 0;
        cache.Remove(Key(tenantId));
        return deleted;
    }

    /// <summary>The tools a turn with prompt version <paramref name="promptVersion"/> may offer the model; null when there are none.</summary>
    public async Task<IReadOnlyList<ToolSpec>?> ForTurnAsync(Guid tenantId, int promptVersion, CancellationToken ct)
    {
        if (!cache.TryGetValue(Key(tenantId), out List<TenantTool>? tools) || tools is null)
        {
            tools = await ListAsync(tenantId, ct);
            cache.Set(Key(tenantId), tools, CacheLifetime);
        }
        var offered = tools.Where(t => t.PromptVersions is null || t.PromptVersions.Contains(promptVersion))
            .Select(t => new ToolSpec(t.Id, t.Name, t.Description, t.Parameters, t.Endpoint, t.Risk)).ToList();
        return offered.Count == 0 ? null : offered;
    }

    private static string Key(Guid tenantId) => $"tools:{tenantId:N}";
}
