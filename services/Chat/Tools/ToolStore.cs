using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Tools;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Chatbot.Chat.Tools;

/// <summary>
/// The tenants' tools (<c>tools</c>, row-level security by tenant). A turn reads its tenant's list through a per-replica
/// cache of <see cref="CacheLifetime"/>, so sending a message pays no query for it; a change is in force at once on the
/// replica that made it and within <see cref="CacheLifetime"/> on the others.
/// </summary>
public sealed class ToolStore(ChatDbContext db, IMemoryCache cache, AdminAudit audit)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public Task<List<TenantTool>> ListAsync(Guid tenantId, CancellationToken ct) =>
        db.Tools.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.Name).ToListAsync(ct);

    public Task<int> CountAsync(Guid tenantId, CancellationToken ct) => db.Tools.CountAsync(t => t.TenantId == tenantId, ct);

    public async Task AddAsync(TenantTool tool, CancellationToken ct)
    {
        db.Tools.Add(tool);
        audit.Record(tool.CreatedBy.GetValueOrDefault(), tool.TenantId, "chat.tool.registered", $"tools/{tool.Name}", null, AuditView(tool));
        await db.SaveChangesAsync(ct);
        cache.Remove(Key(tool.TenantId));
    }

    /// <summary>Deletes the tool and records who did, in one transaction; false when there was none of that name.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, string name, Guid actorId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tool = await db.Tools.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Name == name, ct);
        if (tool is null || await db.Tools.Where(t => t.Id == tool.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }
        audit.Record(actorId, tenantId, "chat.tool.deleted", $"tools/{name}", AuditView(tool), null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        cache.Remove(Key(tenantId));
        return true;
    }

    /// <summary>
    /// What the admin audit log keeps of a tool: name, risk, endpoint host (not the URL's path or query) or the built-in it
    /// is, and prompt versions.
    /// </summary>
    private static object AuditView(TenantTool t) => BuiltinTools.Of(t.Endpoint) is { } builtin
        ? (object)new { t.Name, t.Risk, builtin, t.PromptVersions }
        : new { t.Name, t.Risk, endpointHost = new Uri(t.Endpoint).Host, t.PromptVersions };

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
