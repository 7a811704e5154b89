using Chatbot.Chat.Data;
using Chatbot.Contracts.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Users;

/// <summary>
/// A deleted account takes its chat data with it: conversations (and their messages, by cascade) and idempotency keys.
/// Deleting what is already gone changes nothing, so redelivery is harmless.
/// </summary>
public sealed partial class DeleteUserChatDataConsumer(ChatDbContext db, ILogger<DeleteUserChatDataConsumer> logger) : IConsumer<UserDeleted>
{
    public async Task Consume(ConsumeContext<UserDeleted> context)
    {
        var (tenantId, userId) = (context.Message.TenantId, context.Message.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var conversations = await db.Conversations.Where(c => c.TenantId == tenantId && c.UserId == userId)
            .ExecuteDeleteAsync(context.CancellationToken);
        await db.IdempotencyKeys.Where(k => k.TenantId == tenantId && k.UserId == userId).ExecuteDeleteAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        LogDeleted(userId, conversations);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted chat data of user {UserId}: {Conversations} conversations")]
    private partial void LogDeleted(Guid userId, int conversations);
}
