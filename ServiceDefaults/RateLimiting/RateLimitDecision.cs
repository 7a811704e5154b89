namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>What one counted request learned: allowed or not, and when its window closes.</summary>
public readonly record struct RateLimitDecision(bool Allowed, long Count, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for <c>Retry-After</c>, at least 1.</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
}
