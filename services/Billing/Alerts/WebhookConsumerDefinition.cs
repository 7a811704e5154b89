using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Alerts;

/// <summary>Webhook retries (tenant and operator webhooks): the configured intervals, then the error queue.</summary>
public sealed class WebhookConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly TimeSpan[] intervals;

    public WebhookConsumerDefinition(IOptions<AlertDeliveryOptions> options) => intervals = options.Value.WebhookRetryIntervals;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context) => endpoint.UseMessageRetry(r => r.Intervals(intervals));
}
