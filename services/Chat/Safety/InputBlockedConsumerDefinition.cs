using MassTransit;

namespace Chatbot.Chat.Safety;

/// <summary>Transient database errors are retried before the message goes to _error.</summary>
public sealed class InputBlockedConsumerDefinition : ConsumerDefinition<InputBlockedConsumer>
{
    /// <summary>Prefixed: billing's consumer of the same event must get its own copy, not compete for ours.</summary>
    public InputBlockedConsumerDefinition() => EndpointName = "chat-input-blocked";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<InputBlockedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
