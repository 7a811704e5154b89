using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using Chatbot.Contracts.Inference;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Chat.Billing;

/// <summary>
/// Chat's side of reserve-then-settle: reserves the prompt (o200k) plus the max output tokens under the reply id in one
/// Redis round trip, before anything is stored or dispatched. Billing settles or releases it. The send path passes the
/// count the context window builder already made, so the prompt is tokenized once.
/// </summary>
public sealed class QuotaGate(QuotaReservations reservations, Tokenizer tokenizer)
{
    /// <summary>Tokens a chat format adds per message (role and separators), as OpenAI documents for its models.</summary>
    private const int TokensPerMessage = 4;

    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, IReadOnlyList<ChatTurn> messages, int maxOutputTokens) =>
        ReserveAsync(user, replyId, messages.Sum(m => tokenizer.CountTokens(m.Content) + TokensPerMessage), maxOutputTokens);

    /// <summary>Reserves <paramref name="promptTokens"/> already counted (o200k, with the per-message overhead).</summary>
    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, int promptTokens, int maxOutputTokens) =>
        reservations.ReserveAsync(new ReservationRequest(replyId, user.TenantId, user.UserId, user.Tier, promptTokens, maxOutputTokens));

    public Task ReleaseAsync(Guid replyId) => reservations.ReleaseAsync(replyId);
}
