using System.Text.Json;
using Chatbot.Chat.Billing;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Tenancy;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Outbox;

/// <summary>
/// Gives up on outbox rows that failed <see cref="OutboxOptions.MaxAttempts"/> times: the row is marked dead (time and
/// reason; it stays for an operator and stops holding back its conversation), counted and logged without its payload,
/// and the reply it would have started is failed with a readable reason, in the dispatcher's transaction. After the
/// commit, the reply's stream gets the matching <c>error</c> event (so a waiting client stops waiting) and its quota
/// reservation is released.
/// </summary>
public sealed partial class OutboxDeadLetters(
    IConnectionMultiplexer redis, OutboxMetrics metrics, IOptions<OutboxOptions> options, IOptions<ChatOptions> chatOptions,
    TimeProvider clock, ILogger<OutboxDeadLetters> logger)
{
    public const string UserReason = "Your message could not be passed on for an answer. Please send it again.";
    private const int MaxReasonLength = 2100;

    public bool IsExhausted(OutboxMessage row) => row.Attempts >= options.Value.MaxAttempts;

    /// <summary>Marks the row dead and fails its open reply; returns the reply id to notify after the commit, if any.</summary>
    public async Task<Guid?> DeadLetterAsync(ChatDbContext db, OutboxMessage row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        row.DeadLetteredAt = now;
        var reason = $"Gave up after {row.Attempts} attempts: {row.LastError}";
        row.DeadLetterReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        metrics.DeadLettered(row.MessageType);
        LogDeadLettered(row.Id, row.MessageType, row.Attempts);
        if (OutboxReplyReference.Find(row.Payload) is not { } replyId)
        {
            return null;
        }
        using (TenantContext.Enter(row.TenantId))
        {
            await db.Messages
                .Where(m => m.Id == replyId && m.TenantId == row.TenantId && m.Role == MessageRoles.Assistant
                    && (m.Status == MessageStatuses.Pending || m.Status == MessageStatuses.Streaming))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatuses.Failed)
                    .SetProperty(m => m.FailureCode, ReplyFailureCodes.Internal)
                    .SetProperty(m => m.FailureReason, UserReason)
                    .SetProperty(m => m.CompletedAt, now), ct);
        }
        return replyId;
    }

    /// <summary>After the commit: the error event for readers of the stream, and the reservation back to the user.</summary>
    public async Task NotifyAsync(Guid replyId, QuotaGate quotas)
    {
        try
        {
            var key = ReplyStreamProtocol.StreamKey(replyId);
            var data = JsonSerializer.Serialize(new { code = ReplyFailureCodes.Internal, message = UserReason }, OutboxEntry.Json);
            var database = redis.GetDatabase();
            await database.StreamAddAsync(key,
                [new NameValueEntry(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Error), new NameValueEntry(ReplyStreamProtocol.DataField, data)]);
            await database.KeyExpireAsync(key, chatOptions.Value.CancelKeyExpiry);
            await quotas.ReleaseAsync(replyId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The stored status is final already; a reader that connects later is answered from it.
            LogNotifyFailed(ex, replyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowId} ({MessageType}) dead-lettered after {Attempts} attempts")]
    private partial void LogDeadLettered(long rowId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the error event of a dead-lettered dispatch could not be written")]
    private partial void LogNotifyFailed(Exception ex, Guid replyId);
}
