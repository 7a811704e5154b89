using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;

namespace Chatbot.Chat.Billing;

/// <summary>
/// Chat's side of reserve-then-settle: reserves the prompt (o200k) plus the max output tokens under the reply id, one
/// Redis round trip, before anything is dispatched. Billing settles or releases it. A send starts its reservation before
/// it reads the conversation (<see cref="BeginTurn"/>) and passes the count the context window builder made
/// (<see cref="Messages.ContextWindowBuilder"/>), so nothing is tokenized here.
/// </summary>
public sealed class QuotaGate(QuotaReservations reservations)
{
    /// <summary>Reserves <paramref name="promptTokens"/> already counted (o200k, with the per-message overhead).</summary>
    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, int promptTokens, int maxOutputTokens,
        int? minimumOutputTokens = null, bool countsRequest = true) =>
        reservations.ReserveAsync(new ReservationRequest(replyId, user.TenantId, user.UserId, user.Tier, promptTokens, maxOutputTokens,
            minimumOutputTokens, countsRequest));

    /// <summary>Starts a turn's reservation for at most <paramref name="promptBound"/> prompt tokens (see <see cref="TurnReservation"/>).</summary>
    public TurnReservation BeginTurn(CurrentUser user, Guid replyId, int promptBound, int maxOutputTokens) =>
        new(this, user, replyId, promptBound, maxOutputTokens);

    public Task TrimAsync(Guid replyId, int promptTokens) => reservations.TrimAsync(replyId, promptTokens);

    public Task ReleaseAsync(Guid replyId) => reservations.ReleaseAsync(replyId);
}
