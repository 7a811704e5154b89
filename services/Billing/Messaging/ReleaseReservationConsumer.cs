using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.Billing.Messaging;

/// <summary>A failed or cancelled reply gives its reserved room back (release is idempotent).</summary>
public sealed class ReleaseReservationConsumer(QuotaReservations quotas) : IConsumer<ReplyFailed>
{
    public Task Consume(ConsumeContext<ReplyFailed> context) => quotas.ReleaseAsync(context.Message.ReplyId);
}
