using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A reply the worker's output guard cut: audited (actor inference-worker, verdict block, the category, the excerpt
/// masked again as defence in depth, the worker's hash) and queued for review, once per message id.
/// </summary>
public sealed class OutputBlockedConsumer(AuditWriter audit, ModerationDbContext db) : IConsumer<OutputBlocked>
{
    public async Task Consume(ConsumeContext<OutputBlocked> context)
    {
        var cut = context.Message;
        var messageId = context.MessageId;
        if (messageId is { } id && await db.AuditEntries.AnyAsync(a => a.MessageId == id, context.CancellationToken)) return;
        var masked = Masker.Mask(cut.MaskedExcerpt, PiiDetector.Detect(cut.MaskedExcerpt)).Text;
        try
        {
            await audit.RecordAsync(cut.TenantId, cut.UserId, cut.ReplyId, "output", "block", cut.Category, masked, queue: true,
                context.CancellationToken, actor: "inference-worker", messageId: messageId, textHash: cut.ExcerptHash);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent delivery of the same message won the race; it is audited once.
        }
    }
}
