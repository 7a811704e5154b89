namespace Chatbot.ServiceDefaults.Telemetry;

/// <summary>
/// The closed error taxonomy every service reports through <see cref="ErrorMetrics"/>.
/// The tag value is the lower-case name (<c>caller</c>, <c>policy</c>, <c>provider</c>, <c>internal</c>).
/// </summary>
public enum ErrorCategory
{
    /// <summary>The caller sent something wrong: bad input, missing auth, unknown resource.</summary>
    Caller,

    /// <summary>A rule said no: moderation verdict, quota, budget, rate limit.</summary>
    Policy,

    /// <summary>An outside provider failed: LLM timeout, 429, 5xx, e-mail gateway.</summary>
    Provider,

    /// <summary>Our own fault or an unavailable dependency of ours (database, cache, broker).</summary>
    Internal,
}
