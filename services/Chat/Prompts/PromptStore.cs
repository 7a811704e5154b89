using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Turns;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Prompts;

/// <summary>
/// Reads and changes prompt versions of one tenant; each change is recorded in the admin audit log in its transaction
/// (version numbers and token counts, never the prompt's text). Row-level security hides other tenants' versions too.
/// </summary>
public sealed class PromptStore(ChatDbContext db, ContextWindowBuilder contextWindow, AdminAudit audit)
{
    /// <summary>The tenant's active version, else the active global default.</summary>
    public Task<PromptVersion?> GetActiveAsync(Guid tenantId, CancellationToken ct) => Active(tenantId).AsNoTracking().FirstOrDefaultAsync(ct);

    /// <summary>The active versions that apply to the tenant, its own first (the send path's <see cref="Messages.TurnContextQuery"/> has it written out).</summary>
    public IQueryable<PromptVersion> Active(Guid tenantId) =>
        db.PromptVersions
            .Where(p => p.IsActive && (p.TenantId == tenantId || p.TenantId == null))
            .OrderBy(p => p.TenantId == null);

    public Task<List<PromptVersion>> ListAsync(Guid tenantId, CancellationToken ct) =>
        db.PromptVersions.AsNoTracking().Where(p => p.TenantId == tenantId)
            .OrderByDescending(p => p.Version).ToListAsync(ct);

    public Task<bool> ExistsAsync(Guid tenantId, int version, CancellationToken ct) =>
        db.PromptVersions.AnyAsync(p => p.TenantId == tenantId && p.Version == version, ct);

    public async Task<PromptVersion> CreateAsync(Guid tenantId, Guid createdBy, string content, bool activate,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Serialises version numbering per tenant; the unique index is the last guard.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({tenantId.ToString()}))", ct);
        var last = await db.PromptVersions.Where(p => p.TenantId == tenantId).MaxAsync(p => (int?)p.Version, ct) ?? 0;
        if (activate)
        {
            await DeactivateAllAsync(tenantId, ct);
        }
        var version = new PromptVersion
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, CreatedBy = createdBy, Version = last + 1,
            Content = content, ContentTokens = contextWindow.CountContentTokens(content), IsActive = activate, CreatedAt = now,
        };
        db.PromptVersions.Add(version);
        audit.Record(createdBy, tenantId, "chat.prompt.created", $"prompts/{version.Version}", null,
            new { version.Version, version.ContentTokens, active = activate });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    /// <summary>Makes <paramref name="version"/> the one active version of the tenant; false if it does not exist.</summary>
    public async Task<bool> ActivateAsync(Guid tenantId, int version, Guid actorId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.PromptVersions.AnyAsync(p => p.TenantId == tenantId && p.Version == version, ct))
        {
            return false;
        }
        var before = await ActiveVersionAsync(tenantId, ct);
        await DeactivateAllAsync(tenantId, ct);
        await db.PromptVersions.Where(p => p.TenantId == tenantId && p.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true), ct);
        audit.Record(actorId, tenantId, "chat.prompt.activated", $"prompts/{version}", new { activeVersion = before }, new { activeVersion = version });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Activates the version before the active one; rolling back the tenant's first version returns it to the global
    /// default. Returns the version now in force for the tenant (null = global default), or false if nothing is active.
    /// </summary>
    public async Task<(bool RolledBack, int? Version)> RollBackAsync(Guid tenantId, Guid actorId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var active = await ActiveVersionAsync(tenantId, ct);
        if (active is null)
        {
            return (false, null);
        }
        var previous = await db.PromptVersions.Where(p => p.TenantId == tenantId && p.Version < active)
            .MaxAsync(p => (int?)p.Version, ct);
        await DeactivateAllAsync(tenantId, ct);
        if (previous is not null)
        {
            await db.PromptVersions.Where(p => p.TenantId == tenantId && p.Version == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true), ct);
        }
        // activeVersion null after: the global default is in force.
        audit.Record(actorId, tenantId, "chat.prompt.rolled-back", "prompts/active", new { activeVersion = active }, new { activeVersion = previous });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (true, previous);
    }

    private Task<int?> ActiveVersionAsync(Guid tenantId, CancellationToken ct) =>
        db.PromptVersions.Where(p => p.TenantId == tenantId && p.IsActive).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);

    private Task<int> DeactivateAllAsync(Guid tenantId, CancellationToken ct) =>
        db.PromptVersions.Where(p => p.TenantId == tenantId && p.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false), ct);
}
