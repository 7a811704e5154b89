using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Generation;
using MassTransit;

namespace Chatbot.InferenceWorker.Messaging;

/// <summary>
/// Thin: hands the request to <see cref="ReplyGenerator"/>. Not acknowledged until the outcome is published. A request
/// the broker redelivers (a worker died with it) or the retry filter runs again is no first delivery: its reply may
/// already be streamed or finished, so the generator reads before it asks the provider.
/// </summary>
public sealed class GenerateReplyConsumer(ReplyGenerator generator) : IConsumer<GenerateReply>
{
    public Task Consume(ConsumeContext<GenerateReply> context) => generator.GenerateAsync(context.Message,
        firstDelivery: !context.ReceiveContext.Redelivered && context.GetRetryAttempt() == 0, context.CancellationToken);
}
