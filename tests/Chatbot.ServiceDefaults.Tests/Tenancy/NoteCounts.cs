using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

/// <summary>What each consumer saw: the tenant it acted for and the notes visible to it.</summary>
public sealed class NoteCounts
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, string), (Guid?, long)> seen = new();

    public int Count(Guid probe) => seen.Keys.Count(k => k.Item1 == probe);

    public (Guid?, long) Of(Guid probe, string message) => seen[(probe, message)];

    public async Task RecordAsync(NotesDbContext db, Guid probe, string message, CancellationToken ct) =>
        seen[(probe, message)] = (TenantContext.TenantId, await db.Set<Note>().LongCountAsync(ct));
}
