using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Retry for <see cref="ReplyFailedConsumer"/>: transient database errors are retried before the message goes to _error.</summary>
public sealed class ReplyFailedConsumerDefinition : ConsumerDefinition<ReplyFailedConsumer>
{
    /// <summary>Prefixed: another service's consumer of the same event must get its own copy, not compete for ours.</summary>
    public ReplyFailedConsumerDefinition() => EndpointName = "chat-reply-failed";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<ReplyFailedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
