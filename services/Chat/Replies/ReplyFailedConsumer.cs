using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.Chat.Replies;

/// <summary>Marks a reply failed or cancelled, keeping what was generated (idempotent: see <see cref="ReplyOutcomeStore"/>).</summary>
public sealed class ReplyFailedConsumer(ReplyOutcomeStore store) : IConsumer<ReplyFailed>
{
    public Task Consume(ConsumeContext<ReplyFailed> context) => store.FailAsync(context.Message, context.CancellationToken);
}
