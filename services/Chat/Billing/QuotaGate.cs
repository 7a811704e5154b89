using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;

namespace Chatbot.Chat.Billing;

/// <summary>
/// Chat's side of reserve-then-settle: reserves the prompt (o200k) plus the max output tokens under the reply id in one
/// Redis round trip, before anything is stored or dispatched. Billing settles or releases it. The send path passes the
/// count the context window builder already made (<see cref="Messages.ContextWindowBuilder"/>), so nothing is tokenized here.
/// </summary>
public sealed class QuotaGate(QuotaReservations reservations)
{
    /// <summary>Reserves <paramref name="promptTokens"/> already counted (o200k, with the per-message overhead).</summary>
    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, int promptTokens, int maxOutputTokens) =>
        reservations.ReserveAsync(new ReservationRequest(replyId, user.TenantId, user.UserId, user.Tier, promptTokens, maxOutputTokens));

    public Task ReleaseAsync(Guid replyId) => reservations.ReleaseAsync(replyId);
}
