using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using Chatbot.Contracts.Inference;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Chat.Billing;

/// <summary>
/// Chat's side of reserve-then-settle: counts the prompt (o200k) and reserves prompt + max output tokens under the
/// reply id in one Redis round trip, before anything is stored or dispatched. Billing settles or releases it.
/// </summary>
public sealed class QuotaGate(QuotaReservations reservations, Tokenizer tokenizer)
{
    /// <summary>Tokens a chat format adds per message (role and separators), as OpenAI documents for its models.</summary>
    private const int TokensPerMessage = 4;

    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, IReadOnlyList<ChatTurn> messages, int maxOutputTokens)
    {
        var prompt = messages.Sum(m => tokenizer.CountTokens(m.Content) + TokensPerMessage);
        return reservations.ReserveAsync(new ReservationRequest(replyId, user.TenantId, user.UserId, user.Tier, prompt, maxOutputTokens));
    }

    public Task ReleaseAsync(Guid replyId) => reservations.ReleaseAsync(replyId);
}
