using Chatbot.ServiceDefaults.Authentication;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;

namespace Chatbot.Chat.Turns;

/// <summary>
/// Chat's side of reserve-then-settle: a turn's quota reservation (prompt plus max output tokens, under the reply id, one
/// Redis round trip) before anything is dispatched; billing settles or releases it. See docs/turn-lifecycle.md (reserve).
/// </summary>
public sealed class TurnReservations(QuotaReservations reservations)
{
    /// <summary>Reserves <paramref name="promptTokens"/> already counted (o200k, with the per-message overhead).</summary>
    public Task<ReservationResult> ReserveAsync(CurrentUser user, Guid replyId, int promptTokens, int maxOutputTokens,
        int? minimumOutputTokens = null, bool countsRequest = true) =>
        reservations.ReserveAsync(new ReservationRequest(replyId, user.TenantId, user.UserId, user.Tier, promptTokens, maxOutputTokens,
            minimumOutputTokens, countsRequest));

    /// <summary>Starts a turn's reservation for at most <paramref name="promptBound"/> prompt tokens (see <see cref="TurnReservation"/>).</summary>
    public TurnReservation Begin(CurrentUser user, Guid replyId, int promptBound, int maxOutputTokens) =>
        new(this, user, replyId, promptBound, maxOutputTokens);

    public Task TrimAsync(Guid replyId, int promptTokens) => reservations.TrimAsync(replyId, promptTokens);

    public Task ReleaseAsync(Guid replyId) => reservations.ReleaseAsync(replyId);
}
