using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;
using MassTransit;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A reply the worker's output guard cut: audited (actor inference-worker, verdict block, the category, the excerpt
/// masked again as defence in depth, the worker's hash) and queued for review, once per message id.
/// </summary>
public sealed class OutputBlockedConsumer(AuditWriter audit) : IConsumer<OutputBlocked>
{
    public async Task Consume(ConsumeContext<OutputBlocked> context)
    {
        var cut = context.Message;
        var masked = Masker.Mask(cut.MaskedExcerpt, PiiDetector.Detect(cut.MaskedExcerpt)).Text;
        await audit.RecordOnceAsync(context.MessageId, cut.TenantId, cut.UserId, cut.ReplyId, "output", "block", cut.Category, masked, queue: true,
            actor: "inference-worker", textHash: cut.ExcerptHash, context.CancellationToken);
    }
}
