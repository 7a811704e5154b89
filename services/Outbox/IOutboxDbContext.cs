using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Chatbot.Outbox;

/// <summary>The host's DbContext as the dispatcher sees it: the outbox table (configured by <see cref="OutboxMessageConfiguration"/>) and its transaction.</summary>
public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
