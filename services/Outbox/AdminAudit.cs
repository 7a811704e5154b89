using System.Text.Json;
using Chatbot.Contracts.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Outbox;

/// <summary>
/// The one writer of the admin audit log (docs/audit.md). <see cref="Record"/> adds an <see cref="AdminActionRecorded"/>
/// row to the service's outbox in the caller's DbContext, so the entry commits or rolls back with the admin change the
/// caller saves next; the dispatcher then publishes it to chat's append-only store. Registered with the outbox
/// (<c>AddDurableOutbox</c>) in every service that has one.
/// </summary>
public sealed class AdminAudit(IOutboxDbContext db, OutboxSignal signal, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>The tenant of platform-wide actions (prices, plans, the kill switch): only platform admins read them.</summary>
    public static readonly Guid Platform = Guid.Empty;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private bool wakesDispatcher;

    /// <summary>
    /// Records that <paramref name="actorId"/> did <paramref name="action"/> on <paramref name="target"/> in
    /// <paramref name="tenantId"/>; written by the caller's next <c>SaveChangesAsync</c>. <paramref name="before"/> and
    /// <paramref name="after"/> are serialized as JSON and must hold no secrets, prompt text or free text a person wrote.
    /// </summary>
    public void Record(Guid actorId, Guid tenantId, string action, string target, object? before, object? after)
    {
        var now = clock.GetUtcNow();
        var entry = new AdminActionRecorded(Guid.NewGuid(), now, tenantId, actorId, ServiceName, action, target, ToJson(before), ToJson(after));
        db.OutboxMessages.Add(OutboxEntry.Create(entry, tenantId, tenantId, now));
        if (!wakesDispatcher && db is DbContext context)
        {
            context.SavedChanges += (_, _) => signal.Notify(); // published right after the commit, not at the next poll
            wakesDispatcher = true;
        }
    }

    /// <summary>
    /// <see cref="Record"/> and save at once, for a change kept outside this database (Redis, another service): the entry
    /// is durable once this returns, but a crash between that change and this call loses it.
    /// </summary>
    public async Task RecordAndSaveAsync(Guid actorId, Guid tenantId, string action, string target, object? before, object? after,
        CancellationToken ct)
    {
        Record(actorId, tenantId, action, target, before, after);
        await db.SaveChangesAsync(ct);
    }

    private string ServiceName => environment.ApplicationName.Replace("Chatbot.", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string? ToJson(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);
}
