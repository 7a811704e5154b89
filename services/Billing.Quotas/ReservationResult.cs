namespace Chatbot.Billing.Quotas;

/// <summary>
/// What a reservation got: the output tokens granted (may be fewer than asked when the budget is nearly spent), or
/// which limit refused it (<see cref="Limit"/>, e.g. <c>user_tokens_per_day</c>) and when that limit resets.
/// </summary>
public sealed record ReservationResult(ReservationOutcome Outcome, int GrantedOutputTokens, string? Limit, DateTimeOffset? ResetsAt)
{
    public bool IsGranted => Outcome == ReservationOutcome.Granted;

    public TimeSpan RetryAfter(DateTimeOffset now) => ResetsAt is { } at && at > now ? at - now : TimeSpan.Zero;
}
