using Chatbot.Billing.Alerts;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.KillSwitch;

/// <summary>Posts the kill-switch alert to the operators' webhook (<c>Billing:Operator:WebhookUrl</c>), signed, with retries.</summary>
public sealed class SendOperatorWebhookConsumer(SignedWebhookSender sender, IOptions<OperatorOptions> options,
    ILogger<SendOperatorWebhookConsumer> logger) : IConsumer<SpendCeilingReached>
{
    public async Task Consume(ConsumeContext<SpendCeilingReached> context)
    {
        var (a, o) = (context.Message, options.Value);
        if (o.WebhookUrl is not { Length: > 0 } url || o.WebhookSecret is not { Length: > 0 } secret)
        {
            BillingLog.NoOperatorTarget(logger, a.Hour);
            return;
        }
        await sender.PostAsync(url, secret, new
        {
            type = "platform.spend_ceiling_reached", hour = a.Hour, spentUsd = a.SpentUsd, ceilingUsd = a.CeilingUsd, occurredAt = a.OccurredAt,
        }, a.CorrelationId, context.CancellationToken);
    }
}
