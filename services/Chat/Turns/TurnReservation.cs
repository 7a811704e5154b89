using Chatbot.ServiceDefaults.Authentication;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using Chatbot.Contracts.Inference;
using StackExchange.Redis;

namespace Chatbot.Chat.Turns;

/// <summary>
/// A turn's quota reservation, made while the turn's conversation is read: the context budget all or nothing, then
/// trimmed to the built window (or the exact count when the bound does not fit). See docs/turn-lifecycle.md (reserve).
/// </summary>
public sealed class TurnReservation
{
    private readonly TurnReservations reservations;
    private readonly CurrentUser user;
    private readonly Guid replyId;
    private readonly int promptBound;
    private readonly int maxOutputTokens;
    private readonly Task<ReservationResult> bounded;
    private Task trimmed = Task.CompletedTask;

    internal TurnReservation(TurnReservations reservations, CurrentUser user, Guid replyId, int promptBound, int maxOutputTokens)
    {
        (this.reservations, this.user, this.replyId, this.promptBound, this.maxOutputTokens) = (reservations, user, replyId, promptBound, maxOutputTokens);
        bounded = reservations.ReserveAsync(user, replyId, promptBound, maxOutputTokens, minimumOutputTokens: maxOutputTokens);
    }

    /// <summary>The reservation for the built window's <paramref name="promptTokens"/>; its trim runs on in the background (<see cref="TrimFailedAsync"/>).</summary>
    public async Task<ReservationResult> ForWindowAsync(int promptTokens)
    {
        var result = await bounded;
        if (result.IsGranted && promptTokens <= promptBound)
        {
            trimmed = reservations.TrimAsync(replyId, promptTokens);
            return result;
        }
        if (result.IsGranted)
        {
            // A system prompt and message larger than the budget (rare): reserve what they are, as the same request (the
            // bound counted it against the requests-per-minute limit).
            await reservations.ReleaseAsync(replyId);
            return await reservations.ReserveAsync(user, replyId, promptTokens, maxOutputTokens, countsRequest: false);
        }
        if (result.Outcome != ReservationOutcome.QuotaExceeded)
        {
            return result; // rate limit or kill switch: the amount changes nothing
        }
        return await reservations.ReserveAsync(user, replyId, promptTokens, maxOutputTokens);
    }

    /// <summary>The turn will not be sent (unknown conversation, failed read): gives back what the bound took.</summary>
    public async Task AbandonAsync()
    {
        await ((Task)bounded).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (bounded.IsCompletedSuccessfully && bounded.Result.IsGranted)
        {
            await reservations.ReleaseAsync(replyId);
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

    /// <summary>
    /// The request as the reservation allows it: unchanged, or (budget nearly spent) limited to the output tokens granted
    /// and marked <see cref="GenerateReply.BudgetLimited"/>.
    /// </summary>
    public static GenerateReply WithinGrant(GenerateReply command, ReservationResult quota) =>
        quota.GrantedOutputTokens < command.MaxOutputTokens
            ? command with { MaxOutputTokens = quota.GrantedOutputTokens, BudgetLimited = true }
            : command;
}
