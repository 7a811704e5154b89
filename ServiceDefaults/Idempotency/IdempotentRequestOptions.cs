using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Idempotency;

/// <summary>
/// Section <c>Idempotency</c>, the same section and key lifetime as chat's message keys: a key answers a resend with the
/// stored response for <see cref="KeyLifetime"/> (24 h, as Stripe), after which a resend is a new request.
/// </summary>
public sealed class IdempotentRequestOptions
{
    public const string Section = "Idempotency";

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a first request holds its key while it runs; a resend meanwhile is 409, after it the key is free.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Responses larger than this are answered but not stored (a resend then runs again and gets 409 or a new result).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxStoredResponseBytes { get; set; } = 256 * 1024;
}
