namespace Chatbot.Billing.Quotas;

public enum ReservationOutcome
{
    Granted,
    /// <summary>A rate window (requests per minute) is full: 429 with Retry-After.</summary>
    RateLimited,
    /// <summary>A token or cost budget is spent: 402 quota-exceeded.</summary>
    QuotaExceeded,
    /// <summary>Generation is switched off for the tenant (402) or the platform (503, kill switch).</summary>
    Disabled,
}
