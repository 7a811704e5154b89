namespace Chatbot.Billing.Quotas;

/// <summary>
/// One chat turn asking for room: the reservation id is the reply id, so settle and release find it. Fewer output tokens
/// than asked are granted down to <paramref name="MinimumOutputTokens"/> (default: <see cref="QuotaOptions.MinimumOutputTokens"/>,
/// never more than asked: a request for 5 output tokens is not refused for wanting fewer than 16); below it the reservation is denied. <paramref name="CountsRequest"/> is false when this reservation replaces one the
/// same request already made: the requests-per-minute limit was checked and counted then, so it is neither checked nor
/// counted again.
/// </summary>
public sealed record ReservationRequest(Guid ReservationId, Guid TenantId, Guid UserId, string Tier, int PromptTokens, int MaxOutputTokens,
    int? MinimumOutputTokens = null, bool CountsRequest = true);
