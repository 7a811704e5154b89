using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Marks a reply streaming once its first token is out (idempotent; never reopens a final status).</summary>
public sealed class ReplyStartedConsumer(ReplyOutcomeStore store) : IConsumer<ReplyStarted>
{
    public Task Consume(ConsumeContext<ReplyStarted> context) => store.MarkStreamingAsync(context.Message, context.CancellationToken);
}
