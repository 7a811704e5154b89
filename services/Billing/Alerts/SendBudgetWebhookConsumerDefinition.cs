using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Alerts;

/// <summary>Webhook retries: the configured intervals, then the error queue.</summary>
public sealed class SendBudgetWebhookConsumerDefinition : ConsumerDefinition<SendBudgetWebhookConsumer>
{
    private readonly TimeSpan[] intervals;

    public SendBudgetWebhookConsumerDefinition(IOptions<AlertDeliveryOptions> options) => intervals = options.Value.WebhookRetryIntervals;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<SendBudgetWebhookConsumer> consumer,
        IRegistrationContext context) => endpoint.UseMessageRetry(r => r.Intervals(intervals));
}
