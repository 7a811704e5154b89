using Chatbot.Chat.Data;
using Chatbot.Contracts.Audit;
using Chatbot.Contracts.Identity;
using Chatbot.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Audit;

/// <summary>
/// The append-only admin audit log in chatdb (<c>admin_audit_entries</c>, migration AdminAuditLog): entries are inserted
/// once per message and read newest first in keyset pages. Plain SQL: the table is not in the EF model.
/// </summary>
public sealed class AdminAuditStore(ChatDbContext db)
{
    /// <summary>The cross-tenant scope (<see cref="CrossTenantScope"/>) in which a platform admin reads every tenant's entries.</summary>
    public const string ReadScope = "audit_read";

    /// <summary>Stores <paramref name="entry"/> under <paramref name="id"/> (its correlation id): a redelivery adds nothing.</summary>
    public Task AppendAsync(Guid id, AdminActionRecorded entry, CancellationToken ct) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO admin_audit_entries (id, tenant_id, actor_id, service, action, target, before, after, occurred_at)
        VALUES ({id}, {entry.TenantId}, {entry.ActorId}, {entry.Service}, {entry.Action}, {entry.Target},
                {entry.Before}::jsonb, {entry.After}::jsonb, {entry.OccurredAt})
        ON CONFLICT (id) DO NOTHING
        """, ct);

    /// <summary>
    /// An erasure's part of the log (docs/audit.md): the entries stay, but each erased user's id becomes its
    /// <see cref="ErasureProtocol.Pseudonym"/> as actor and wherever the target or before/after name it. The append-only
    /// trigger allows exactly this, in a transaction that sets <c>chatbot.audit_erasure</c>. Returns the rows changed.
    /// </summary>
    public async Task<int> PseudonymiseAsync(Guid tenantId, IReadOnlyCollection<Guid> userIds, bool wholeTenant, CancellationToken ct)
    {
        var ids = userIds.ToList();
        if (wholeTenant)
        {
            ids.AddRange(await db.Database.SqlQuery<Guid>(
                $"SELECT DISTINCT actor_id AS \"Value\" FROM admin_audit_entries WHERE tenant_id = {tenantId}").ToListAsync(ct));
        }
        await db.Database.ExecuteSqlAsync($"SELECT set_config('chatbot.audit_erasure', 'on', true)", ct);
        var changed = 0;
        foreach (var id in ids.Distinct())
        {
            var (d, n) = (id.ToString("D"), id.ToString("N"));
            var pseudonym = ErasureProtocol.Pseudonym(id);
            var (pd, pn) = (pseudonym.ToString("D"), pseudonym.ToString("N"));
            changed += await db.Database.ExecuteSqlAsync($"""
                UPDATE admin_audit_entries SET
                    actor_id = CASE WHEN actor_id = {id} THEN {pseudonym} ELSE actor_id END,
                    target = replace(replace(target, {d}, {pd}), {n}, {pn}),
                    before = replace(replace(before::text, {d}, {pd}), {n}, {pn})::jsonb,
                    after = replace(replace(after::text, {d}, {pd}), {n}, {pn})::jsonb
                WHERE tenant_id = {tenantId}
                  AND (actor_id = {id} OR strpos(target, {d}) > 0 OR strpos(target, {n}) > 0
                       OR strpos(before::text, {d}) > 0 OR strpos(before::text, {n}) > 0
                       OR strpos(after::text, {d}) > 0 OR strpos(after::text, {n}) > 0)
                """, ct);
        }
        return changed;
    }

    /// <summary>One page of entries newest first; <paramref name="allTenants"/> only for platform admins.</summary>
    public async Task<Page<AdminAuditEntryDto>> ListAsync(AdminAuditQuery query, bool allTenants, CancellationToken ct)
    {
        await using var transaction = allTenants ? await db.BeginCrossTenantScopeAsync(ReadScope, ct) : null;
        var (afterAt, afterId) = (query.After?.CreatedAt, query.After?.Id);
        var rows = await db.Database.SqlQuery<AdminAuditRow>($"""
            SELECT id AS "Id", tenant_id AS "TenantId", actor_id AS "ActorId", service AS "Service", action AS "Action",
                   target AS "Target", before::text AS "Before", after::text AS "After", occurred_at AS "OccurredAt"
            FROM admin_audit_entries
            WHERE ({query.TenantId}::uuid IS NULL OR tenant_id = {query.TenantId})
              AND ({query.ActorId}::uuid IS NULL OR actor_id = {query.ActorId})
              AND ({query.Action}::text IS NULL OR action = {query.Action})
              AND ({query.From}::timestamptz IS NULL OR occurred_at >= {query.From})
              AND ({query.To}::timestamptz IS NULL OR occurred_at < {query.To})
              AND ({afterAt}::timestamptz IS NULL OR (occurred_at, id) < ({afterAt}::timestamptz, {afterId}::uuid))
            ORDER BY occurred_at DESC, id DESC
            LIMIT {query.Limit + 1}
            """).ToListAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        var items = rows.Take(query.Limit).Select(AdminAuditEntryDto.From).ToList();
        var next = rows.Count > query.Limit ? new KeysetCursor(items[^1].OccurredAt, items[^1].Id).Encode() : null;
        return new Page<AdminAuditEntryDto>(items, next);
    }
}
