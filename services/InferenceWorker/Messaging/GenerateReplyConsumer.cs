using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Admission;
using Chatbot.InferenceWorker.Caching;
using Chatbot.InferenceWorker.Erasure;
using Chatbot.InferenceWorker.Generation;
using MassTransit;

namespace Chatbot.InferenceWorker.Messaging;

/// <summary>
/// Thin: waits for a provider slot (<see cref="TurnAdmission"/>), then hands the request to <see cref="ReplyGenerator"/>.
/// Not acknowledged until the outcome is published. A request the broker redelivers (a worker died with it) or the retry
/// filter runs again is no first delivery: its reply may already be streamed or finished, so the generator reads before
/// it asks the provider. One cancelled while it waited is read first too, and ends as cancelled without a provider call.
/// A cacheable request is first looked up in the response cache (<see cref="CachedReplyResponder"/>): a hit takes no slot.
/// </summary>
public sealed partial class GenerateReplyConsumer(TurnAdmission admission, ReplyGenerator generator, CachedReplyResponder cached,
    ErasedUsers erased, ILogger<GenerateReplyConsumer> logger) : IConsumer<GenerateReply>
{
    public async Task Consume(ConsumeContext<GenerateReply> context)
    {
        if (await erased.IsErasedAsync(context.Message.UserId))
        {
            // The user was erased while this turn waited in the queue: nothing of theirs is generated or streamed.
            LogDropped(context.Message.ReplyId);
            return;
        }
        if (await cached.TryAnswerAsync(context.Message, context.CancellationToken)) return;
        var firstDelivery = !context.ReceiveContext.Redelivered && context.GetRetryAttempt() == 0;
        using var lease = await admission.EnterAsync(context.Message, context.CancellationToken);
        await generator.GenerateAsync(context.Message, firstDelivery && lease is not null, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped reply {ReplyId}: its user has been erased")]
    private partial void LogDropped(Guid replyId);
}
