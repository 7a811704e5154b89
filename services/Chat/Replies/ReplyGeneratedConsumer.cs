using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Stores a finished reply on its assistant message (idempotent: see <see cref="ReplyOutcomeStore"/>).</summary>
public sealed class ReplyGeneratedConsumer(ReplyOutcomeStore store) : IConsumer<ReplyGenerated>
{
    public Task Consume(ConsumeContext<ReplyGenerated> context) => store.CompleteAsync(context.Message, context.CancellationToken);
}
