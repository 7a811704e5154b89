using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using StackExchange.Redis;

namespace Chatbot.Chat.Billing;

/// <summary>
/// A turn's quota reservation, made while the turn's conversation is read instead of after it: the reservation's Redis
/// round trip runs beside the database's, not in front of the model request. It reserves the context budget as the
/// prompt (the most a window holds) with all the output tokens, all or nothing; once the window is built it trims the
/// reservation to the window's count. When the bound does not fit (a user near a limit) or the window is larger than the
/// bound, the exact count is reserved instead, as a send without this would, partial grant included. Near a limit a
/// send therefore pays the second round trip, and for the millisecond between reservation and trim a turn holds up to
/// its budget: a concurrent turn of the same user or tenant near that limit may be granted fewer output tokens.
/// </summary>
public sealed class TurnReservation
{
    private readonly QuotaGate gate;
    private readonly CurrentUser user;
    private readonly Guid replyId;
    private readonly int promptBound;
    private readonly int maxOutputTokens;
    private readonly Task<ReservationResult> bounded;
    private Task trimmed = Task.CompletedTask;

    internal TurnReservation(QuotaGate gate, CurrentUser user, Guid replyId, int promptBound, int maxOutputTokens)
    {
        (this.gate, this.user, this.replyId, this.promptBound, this.maxOutputTokens) = (gate, user, replyId, promptBound, maxOutputTokens);
        bounded = gate.ReserveAsync(user, replyId, promptBound, maxOutputTokens, minimumOutputTokens: maxOutputTokens);
    }

    /// <summary>The reservation for the built window's <paramref name="promptTokens"/>; its trim runs on in the background (<see cref="TrimFailedAsync"/>).</summary>
    public async Task<ReservationResult> ForWindowAsync(int promptTokens)
    {
        var result = await bounded;
        if (result.IsGranted && promptTokens <= promptBound)
        {
            trimmed = gate.TrimAsync(replyId, promptTokens);
            return result;
        }
        if (result.IsGranted)
        {
            // A system prompt and message larger than the budget (rare): reserve what they are, as the same request (the
            // bound counted it against the requests-per-minute limit).
            await gate.ReleaseAsync(replyId);
            return await gate.ReserveAsync(user, replyId, promptTokens, maxOutputTokens, countsRequest: false);
        }
        if (result.Outcome != ReservationOutcome.QuotaExceeded)
        {
            return result; // rate limit or kill switch: the amount changes nothing
        }
        return await gate.ReserveAsync(user, replyId, promptTokens, maxOutputTokens);
    }

    /// <summary>The turn will not be sent (unknown conversation, failed read): gives back what the bound took.</summary>
    public async Task AbandonAsync()
    {
        await ((Task)bounded).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (bounded.IsCompletedSuccessfully && bounded.Result.IsGranted)
        {
            await gate.ReleaseAsync(replyId);
        }
    }

    /// <summary>
    /// Waits for the trim; true when it failed (Redis unreachable), in which case the reservation holds the bound until
    /// the reply is settled or released: more than the turn needs, never less.
    /// </summary>
    public async Task<bool> TrimFailedAsync()
    {
        try
        {
            await trimmed;
            return false;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return true;
        }
    }
}
