using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Generation;
using Chatbot.InferenceWorker.Messaging;
using Chatbot.InferenceWorker.Usage;

namespace Chatbot.InferenceWorker.Admission;

/// <summary>
/// Puts one <see cref="GenerateReply"/> in line for a provider slot. A cancel request for the reply (the same Redis
/// channel as during generation) takes it out of the line: it then gets no lease, and the generator ends it as
/// cancelled without asking a provider.
/// </summary>
public sealed class TurnAdmission(TurnScheduler scheduler, WorkerCapacity capacity, ReplyCancellations cancellations, ITokenCounter tokenCounter)
{
    /// <returns>The slot, or null when the reply was cancelled while it waited.</returns>
    public async Task<TurnLease?> EnterAsync(GenerateReply request, CancellationToken cancellationToken)
    {
        var tokens = capacity.TokensPerMinute == 0 ? 0 : tokenCounter.CountMessages(request.Messages.Select(m => m.Content)) + request.MaxOutputTokens;
        using var cancel = cancellations.Register(request.ReplyId);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancel.Token);
        try
        {
            return await scheduler.EnterAsync(request.ReplyId, request.TenantId, TierPriority.For(request.Tier), tokens, waiting.Token);
        }
        catch (OperationCanceledException) when (cancel.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
