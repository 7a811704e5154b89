using MassTransit;

namespace Chatbot.Billing.Messaging;

/// <summary>Retry for the ledger and Redis consumers (transient database or Redis faults), then the error queue.</summary>
public sealed class BillingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
}
