using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Retry for <see cref="ReplyStartedConsumer"/>: transient database errors are retried before the message goes to _error.</summary>
public sealed class ReplyStartedConsumerDefinition : ConsumerDefinition<ReplyStartedConsumer>
{
    /// <summary>Prefixed: another service's consumer of the same event must get its own copy, not compete for ours.</summary>
    public ReplyStartedConsumerDefinition() => EndpointName = "chat-reply-started";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<ReplyStartedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
