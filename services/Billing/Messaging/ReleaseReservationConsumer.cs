using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using MassTransit;

namespace Chatbot.Billing.Messaging;

/// <summary>
/// A failed or cancelled reply, or an input moderation blocked before any model saw it, gives its reserved room back
/// (release is idempotent).
/// </summary>
public sealed class ReleaseReservationConsumer(QuotaReservations quotas) : IConsumer<ReplyFailed>, IConsumer<InputBlocked>
{
    public Task Consume(ConsumeContext<ReplyFailed> context) => quotas.ReleaseAsync(context.Message.ReplyId);

    public Task Consume(ConsumeContext<InputBlocked> context) => quotas.ReleaseAsync(context.Message.ReplyId);
}
