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
    /// <see cref="ErasureProtocol.Pseudonym"/> as actor and wherever the target or before/after name it (as 36 or 32
    /// characters). One statement over all the users, however many a whole-tenant erasure brings: it scans the tenant's
    /// entries once and rewrites each entry naming any of them once, replacing every id it names. The append-only trigger
    /// allows exactly this, in a transaction that sets <c>chatbot.audit_erasure</c>. Returns the entries changed.
    /// </summary>
    public async Task<int> PseudonymiseAsync(Guid tenantId, IReadOnlyCollection<Guid> userIds, bool wholeTenant, CancellationToken ct)
    {
        var ids = userIds.ToList();
        if (wholeTenant)
        {
            ids.AddRange(await db.Database.SqlQuery<Guid>(
                $"SELECT DISTINCT actor_id AS \"Value\" FROM admin_audit_entries WHERE tenant_id = {tenantId}").ToListAsync(ct));
        }
        var erased = ids.Distinct().ToArray();
        if (erased.Length == 0)
        {
            return 0;
        }
        var pseudonyms = erased.Select(ErasureProtocol.Pseudonym).ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT set_config('chatbot.audit_erasure', 'on', true)", ct);
        return await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE erased AS (
                SELECT id, pseudonym FROM unnest({erased}::uuid[], {pseudonyms}::uuid[]) AS e(id, pseudonym)
            ), forms AS (      -- each id as a text may hold it, and what replaces it
                SELECT id::text AS form, pseudonym::text AS stand_in FROM erased
                UNION ALL SELECT replace(id::text, '-', ''), replace(pseudonym::text, '-', '') FROM erased
            ), found AS (      -- the forms each of the tenant's entries holds, numbered per entry
                SELECT a.id, f.form, f.stand_in, row_number() OVER (PARTITION BY a.id ORDER BY f.form) AS step
                FROM admin_audit_entries a
                JOIN forms f ON strpos(concat_ws(' ', a.target, a.before::text, a.after::text), f.form) > 0
                WHERE a.tenant_id = {tenantId}
            ), rewritten AS (  -- an entry's texts after 0, 1, ... of its forms are replaced
                SELECT a.id, a.target, a.before::text AS before, a.after::text AS after, 0::bigint AS step
                FROM admin_audit_entries a
                WHERE a.tenant_id = {tenantId} AND (a.actor_id IN (SELECT id FROM erased) OR a.id IN (SELECT id FROM found))
                UNION ALL
                SELECT r.id, replace(r.target, f.form, f.stand_in), replace(r.before, f.form, f.stand_in), replace(r.after, f.form, f.stand_in), f.step
                FROM rewritten r JOIN found f ON f.id = r.id AND f.step = r.step + 1
            )
            UPDATE admin_audit_entries a SET
                actor_id = coalesce((SELECT e.pseudonym FROM erased e WHERE e.id = a.actor_id), a.actor_id),
                target = r.target, before = r.before::jsonb, after = r.after::jsonb
            FROM (SELECT DISTINCT ON (id) id, target, before, after FROM rewritten ORDER BY id, step DESC) r
            WHERE a.id = r.id
            """, ct);
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
