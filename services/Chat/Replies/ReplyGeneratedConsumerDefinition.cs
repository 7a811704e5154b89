using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Retry for the reply consumers: transient database errors are retried before the message goes to _error.</summary>
public sealed class ReplyGeneratedConsumerDefinition : ConsumerDefinition<ReplyGeneratedConsumer>
{
    /// <summary>Prefixed: another service's consumer of the same event must get its own copy, not compete for ours.</summary>
    public ReplyGeneratedConsumerDefinition() => EndpointName = "chat-reply-generated";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<ReplyGeneratedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
