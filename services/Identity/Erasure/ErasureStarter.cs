using Chatbot.Contracts.Identity;
using Chatbot.Identity.Data;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.EntityFrameworkCore.Models;
using StackExchange.Redis;

namespace Chatbot.Identity.Erasure;

/// <summary>
/// Starts an erasure: in one transaction identity removes its own rows of the subject (users, OpenIddict tokens and
/// authorizations, API keys, invitations, unpublished outbox rows naming them), writes its lines of the receipt, and puts
/// <c>UserDeleted</c> (token revocation in chat) and <c>ErasureRequested</c> (every other store) in the outbox. The same
/// subject asked twice gets the same erasure (unique <see cref="Data.Erasure.SubjectHash"/>).
/// </summary>
public sealed partial class ErasureStarter(IdentityDbContext db, OutboxSignal outbox, AdminAudit audit, IConnectionMultiplexer redis, ErasureMails mails,
    TimeProvider time, ILogger<ErasureStarter> logger)
{
    public static ErasureSubject UserSubject(Guid tenantId, ErasedUser user) =>
        new(tenantId, "user", ErasureProtocol.SubjectHash("user", user.Id), [user], WholeTenant: false);

    public async Task<ErasureStarted?> FindAsync(string subjectHash, Guid? tenantId, CancellationToken ct)
    {
        var found = await db.Erasures.AsNoTracking().Where(e => e.SubjectHash == subjectHash && (tenantId == null || e.TenantId == tenantId))
            .Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        return found is { } id ? ErasureStarted.Of(id) : null;
    }

    /// <summary>Starts (or finds) the subject's erasure; <paramref name="admin"/>, when an admin asked, is recorded in the admin audit log.</summary>
    public async Task<ErasureStarted> StartAsync(ErasureSubject subject, string requestedBy, Guid? admin, CancellationToken ct)
    {
        if (await FindAsync(subject.Hash, null, ct) is { } existing)
        {
            return existing;
        }
        var now = time.GetUtcNow();
        var erasure = new Data.Erasure
        {
            Id = Guid.CreateVersion7(now), TenantId = subject.TenantId, SubjectKind = subject.Kind, SubjectHash = subject.Hash,
            RequestedBy = requestedBy, RequestedAt = now,
        };
        try
        {
            await EraseOwnRowsAsync(erasure, subject, now, admin, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await FindAsync(subject.Hash, null, ct) ?? throw new InvalidOperationException("A racing erasure vanished.", e);
        }
        outbox.Notify();
        await MarkErasedAsync(subject.Users);
        await mails.SendReceiptLinksAsync(erasure.Id, subject.Users, ct);
        LogStarted(erasure.Id, subject.Kind, subject.Users.Count);
        return ErasureStarted.Of(erasure.Id);
    }

    private async Task EraseOwnRowsAsync(Data.Erasure erasure, ErasureSubject subject, DateTimeOffset now, Guid? admin, CancellationToken ct)
    {
        var (tenantId, whole) = (subject.TenantId, subject.WholeTenant);
        using var acting = TenantContext.Enter(tenantId); // row-level security: the subject's tenant (a platform admin's is another)
        var ids = subject.Users.Select(u => u.Id).ToList();
        var subjects = ids.Select(id => id.ToString()).ToList();
        var emails = subject.Users.Where(u => u.Email is not null).Select(u => u.Email!.ToLowerInvariant()).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Erasures.Add(erasure);
        await db.SaveChangesAsync(ct);

        var outboxRows = await OutboxErasure.DeleteRowsNamingAsync(db, tenantId, ids, whole, ct);
        var keys = await db.ApiKeys.Where(k => k.TenantId == tenantId && (whole || ids.Contains(k.CreatedByUserId))).Select(k => k.Id).ToListAsync(ct);
        await db.ApiKeys.Where(k => keys.Contains(k.Id)).ExecuteDeleteAsync(ct);
        var tokens = await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => t.Subject != null && subjects.Contains(t.Subject))
            .ExecuteDeleteAsync(ct);
        tokens += await db.Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().Where(a => a.Subject != null && subjects.Contains(a.Subject))
            .ExecuteDeleteAsync(ct);
        var invitations = await db.Invitations.Where(i => i.TenantId == tenantId && (whole || ids.Contains(i.CreatedByUserId)
                || (i.UsedByUserId != null && ids.Contains(i.UsedByUserId.Value)) || (i.Email != null && emails.Contains(i.Email.ToLower()))))
            .ExecuteDeleteAsync(ct);
        var users = await db.Users.Where(u => u.TenantId == tenantId && ids.Contains(u.Id)).ExecuteDeleteAsync(ct);
        if (whole)
        {
            await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(ct);
        }

        db.ErasureReports.AddRange(
            Report(erasure.Id, "users", users, now), Report(erasure.Id, "tokens", tokens, now), Report(erasure.Id, "api-keys", keys.Count, now),
            Report(erasure.Id, "invitations", invitations, now), Report(erasure.Id, "outbox", outboxRows, now));
        foreach (var key in keys)
        {
            db.OutboxMessages.Add(OutboxEntry.Create(new ApiKeyRevoked(Guid.NewGuid(), now, tenantId, key), tenantId, tenantId, now));
        }
        foreach (var id in ids)
        {
            db.OutboxMessages.Add(OutboxEntry.Create(new UserDeleted(Guid.NewGuid(), now, tenantId, id), tenantId, tenantId, now));
        }
        db.OutboxMessages.Add(OutboxEntry.Create(new ErasureRequested(erasure.Id, now, erasure.Id, tenantId, ids, whole), tenantId, tenantId, now));
        if (admin is { } adminId)
        {
            // Named by the erasure, not the user: the log must not keep the erased user's id.
            audit.Record(adminId, tenantId, whole ? "identity.tenant.erased" : "identity.user.erased", $"erasures/{erasure.Id}", null,
                new { subject.Kind, users = ids.Count });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static ErasureReport Report(Guid erasureId, string store, long count, DateTimeOffset at) => new()
    {
        ErasureId = erasureId, Service = "identity", Store = store, Action = ErasureProtocol.Deleted, Count = count, At = at,
    };

    private async Task MarkErasedAsync(IReadOnlyList<ErasedUser> users)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var writes = users.Select(u => batch.StringSetAsync(ErasureProtocol.ErasedUserKey(u.Id), "1", ErasureProtocol.ErasedMarkerLifetime)).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} started for a {Kind} ({Users} users)")]
    private partial void LogStarted(Guid erasureId, string kind, int users);
}
