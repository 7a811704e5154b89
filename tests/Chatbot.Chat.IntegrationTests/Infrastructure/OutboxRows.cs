using Chatbot.Chat.Data.Entities;
using Chatbot.Outbox;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>Outbox rows written straight to the table, as a chat instance would, for the dispatcher and fast-path tests.</summary>
public static class OutboxRows
{
    /// <summary>A <see cref="GenerateReply"/> row for a new reply in <paramref name="conversation"/>.</summary>
    public static (OutboxMessage Row, Guid ReplyId) GenerateReply(Guid tenant, Guid conversation)
    {
        var replyId = Guid.NewGuid();
        var command = new GenerateReply(replyId, DateTimeOffset.UtcNow, replyId, tenant, Guid.NewGuid(), conversation,
            Guid.NewGuid(), "free", 1, [new ChatTurn("user", "hi")], 16);
        return (OutboxEntry.Create(command, tenant, conversation, DateTimeOffset.UtcNow, 1), replyId);
    }

    /// <summary>The same row under another message type (a poison row when the type does not resolve).</summary>
    public static OutboxMessage WithType(OutboxMessage row, string messageType, int attempts = 0) => new()
    {
        MessageId = row.MessageId, TenantId = row.TenantId, OrderingKey = row.OrderingKey, MessageType = messageType,
        Payload = row.Payload, Priority = row.Priority, CreatedAt = row.CreatedAt, NextAttemptAt = row.NextAttemptAt,
        Attempts = attempts,
    };
}
