namespace Chatbot.Outbox;

/// <summary>
/// What a dead-lettered row's message would have started, undone by its owner (chat's turns implement it). Resolved from
/// the dispatcher's scope, so a scoped DbContext it takes is the dispatcher's: <see cref="DeadLetteredAsync"/> runs in
/// the dispatcher's transaction, the returned work after its commit.
/// </summary>
public interface IOutboxDeadLetterHandler
{
    /// <summary>In the dispatcher's transaction, after the row was marked dead; returns the work to run after the commit, if any.</summary>
    Task<Func<Task>?> DeadLetteredAsync(OutboxMessage row, CancellationToken ct);
}
