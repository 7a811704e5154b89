using Microsoft.Extensions.Options;

namespace Chatbot.Outbox;

/// <summary>
/// Gives up on outbox rows that failed <see cref="OutboxOptions.MaxAttempts"/> times: the row is marked dead (time and
/// reason; it stays for an operator and stops holding back its ordering key), counted and logged without its payload,
/// and handed to the <see cref="IOutboxDeadLetterHandler"/>s in the dispatcher's transaction.
/// </summary>
public sealed partial class OutboxDeadLetters(OutboxMetrics metrics, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDeadLetters> logger)
{
    private const int MaxReasonLength = 2100;

    public bool IsExhausted(OutboxMessage row) => row.Attempts >= options.Value.MaxAttempts;

    /// <summary>Marks the row dead and lets the handlers undo what it would have started; returns their after-commit work.</summary>
    public async Task<IReadOnlyList<Func<Task>>> DeadLetterAsync(OutboxMessage row,
        IEnumerable<IOutboxDeadLetterHandler> handlers, CancellationToken ct)
    {
        row.DeadLetteredAt = clock.GetUtcNow();
        var reason = $"Gave up after {row.Attempts} attempts: {row.LastError}";
        row.DeadLetterReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        metrics.DeadLettered(row.MessageType);
        LogDeadLettered(row.Id, row.MessageType, row.Attempts);
        var afterCommit = new List<Func<Task>>();
        foreach (var handler in handlers)
        {
            if (await handler.DeadLetteredAsync(row, ct) is { } work)
            {
                afterCommit.Add(work);
            }
        }
        return afterCommit;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowId} ({MessageType}) dead-lettered after {Attempts} attempts")]
    private partial void LogDeadLettered(long rowId, string messageType, int attempts);
}
