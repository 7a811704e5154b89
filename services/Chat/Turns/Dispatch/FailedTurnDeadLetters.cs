using System.Text.Json;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Chatbot.Contracts.Inference;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>
/// A dead-lettered turn: its open reply fails with a readable reason (in the dispatcher's transaction), then its stream
/// gets the matching <c>error</c> event and its reservation is released. See docs/turn-lifecycle.md (dead letters).
/// </summary>
public sealed partial class FailedTurnDeadLetters(
    ChatDbContext db, IConnectionMultiplexer redis, TurnReservations reservations, IOptions<ChatOptions> chatOptions, TimeProvider clock,
    ILogger<FailedTurnDeadLetters> logger) : IOutboxDeadLetterHandler
{
    public const string UserReason = "Your message could not be passed on for an answer. Please send it again.";

    public async Task<Func<Task>?> DeadLetteredAsync(OutboxMessage row, CancellationToken ct)
    {
        if (OutboxReplyReference.Find(row.Payload) is not { } replyId)
        {
            return null;
        }
        var now = clock.GetUtcNow();
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
        return () => NotifyAsync(replyId);
    }

    /// <summary>After the commit: the error event for readers of the stream, and the reservation back to the user.</summary>
    private async Task NotifyAsync(Guid replyId)
    {
        try
        {
            var key = ReplyStreamProtocol.StreamKey(replyId);
            var data = JsonSerializer.Serialize(new { code = ReplyFailureCodes.Internal, message = UserReason }, JsonSerializerOptions.Web);
            var database = redis.GetDatabase();
            await database.StreamAddAsync(key,
                [new NameValueEntry(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Error), new NameValueEntry(ReplyStreamProtocol.DataField, data)]);
            await database.KeyExpireAsync(key, chatOptions.Value.CancelKeyExpiry);
            await reservations.ReleaseAsync(replyId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The stored status is final already; a reader that connects later is answered from it.
            LogNotifyFailed(ex, replyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the error event of a dead-lettered dispatch could not be written")]
    private partial void LogNotifyFailed(Exception ex, Guid replyId);
}
