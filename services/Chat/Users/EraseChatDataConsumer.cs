using Chatbot.Chat.Audit;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chatbot.Chat.Users;

/// <summary>
/// Chat's part of an erasure (the tenant is entered by <c>TenantConsumeFilter</c>): the Redis reply streams and output
/// contexts of the users' replies first (their ids come from the messages), then in one transaction conversations and
/// their messages (cascade), account-export jobs, idempotency keys and unpublished outbox rows naming the users, and the
/// users' ids in the admin audit log replaced by pseudonyms (the entries stay). One
/// <see cref="ErasureStoreCompleted"/> per store. Running again finds nothing and deletes nothing (identity keeps the first
/// report).
/// </summary>
public sealed partial class EraseChatDataConsumer(ChatDbContext db, AdminAuditStore audit, IConnectionMultiplexer redis, TimeProvider time,
    ILogger<EraseChatDataConsumer> logger) : IConsumer<ErasureRequested>
{
    private const int RedisBatch = 500;

    public async Task Consume(ConsumeContext<ErasureRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var (tenantId, ids, whole) = (request.TenantId, request.UserIds.ToList(), request.WholeTenant);
        var conversations = db.Conversations.Where(c => c.TenantId == tenantId && (whole || ids.Contains(c.UserId)));
        var conversationIds = await conversations.Select(c => c.Id).ToListAsync(ct);
        var messages = db.Messages.Where(m => m.TenantId == tenantId && conversationIds.Contains(m.ConversationId));
        var replyIds = await messages.Where(m => m.Role == MessageRoles.Assistant).Select(m => m.Id).ToListAsync(ct);
        var streams = await DeleteKeysAsync(replyIds.SelectMany(r => new[]
            { ReplyStreamProtocol.StreamKey(r), ReplyStreamProtocol.CancelKey(r), ReplyStreamProtocol.CommitKey(r) }));
        var contexts = await DeleteKeysAsync(replyIds.Select(ModerationProtocol.ContextKey));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var messageCount = await messages.CountAsync(ct);
        var conversationCount = await conversations.ExecuteDeleteAsync(ct);
        var exports = await db.AccountExports.Where(e => e.TenantId == tenantId && (whole || ids.Contains(e.UserId))).ExecuteDeleteAsync(ct);
        var keys = await db.IdempotencyKeys.Where(k => k.TenantId == tenantId && (whole || ids.Contains(k.UserId))).ExecuteDeleteAsync(ct);
        var outboxRows = await OutboxErasure.DeleteRowsNamingAsync(db, tenantId, ids, whole, ct);
        var auditEntries = await audit.PseudonymiseAsync(tenantId, ids, whole, ct);
        await transaction.CommitAsync(ct);

        var now = time.GetUtcNow();
        const string deleted = ErasureProtocol.Deleted;
        await context.PublishBatch(new[]
        {
            ErasureProtocol.Report(request, "chat", "conversations", deleted, conversationCount, now),
            ErasureProtocol.Report(request, "chat", "messages", deleted, messageCount, now),
            ErasureProtocol.Report(request, "chat", "account-exports", deleted, exports, now),
            ErasureProtocol.Report(request, "chat", "idempotency-keys", deleted, keys, now),
            ErasureProtocol.Report(request, "chat", "outbox", deleted, outboxRows, now),
            ErasureProtocol.Report(request, "chat", "reply-streams", deleted, streams, now),
            ErasureProtocol.Report(request, "chat", "output-contexts", deleted, contexts, now),
            ErasureProtocol.Report(request, "chat", "admin-audit", ErasureProtocol.Pseudonymised, auditEntries, now),
        }, ct);
        LogErased(request.ErasureId, conversationCount, messageCount);
    }

    private async Task<long> DeleteKeysAsync(IEnumerable<string> keys)
    {
        var database = redis.GetDatabase();
        long count = 0;
        foreach (var chunk in keys.Chunk(RedisBatch))
        {
            count += await database.KeyDeleteAsync(chunk.Select(k => (RedisKey)k).ToArray());
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId}: chat deleted {Conversations} conversations, {Messages} messages")]
    private partial void LogErased(Guid erasureId, int conversations, int messages);
}
