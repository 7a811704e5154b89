using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Generation;
using MassTransit;

namespace Chatbot.InferenceWorker.Messaging;

/// <summary>Thin: hands the request to <see cref="ReplyGenerator"/>. Not acknowledged until the outcome is published.</summary>
public sealed class GenerateReplyConsumer(ReplyGenerator generator) : IConsumer<GenerateReply>
{
    public Task Consume(ConsumeContext<GenerateReply> context) => generator.GenerateAsync(context.Message, context.CancellationToken);
}
