using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Moderation;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Safety;

/// <summary>
/// Moderation rejected the input: the user message and its (still pending) reply become <c>blocked</c>, the reply with
/// the reason. Idempotent: only open replies and completed user messages change.
/// </summary>
public sealed class InputBlockedConsumer(ChatDbContext db, TimeProvider clock) : IConsumer<InputBlocked>
{
    public async Task Consume(ConsumeContext<InputBlocked> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        await db.Messages.Where(x => x.Id == m.ReplyId && x.TenantId == m.TenantId && x.UserId == m.UserId
                && (x.Status == MessageStatuses.Pending || x.Status == MessageStatuses.Streaming))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, MessageStatuses.Blocked)
                .SetProperty(x => x.FailureCode, ModerationProtocol.BlockedCode)
                .SetProperty(x => x.FailureReason, m.Reason)
                .SetProperty(x => x.CompletedAt, now), ct);
        await db.Messages.Where(x => x.Id == m.UserMessageId && x.TenantId == m.TenantId && x.UserId == m.UserId
                && x.Status == MessageStatuses.Completed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, MessageStatuses.Blocked), ct);
    }
}
