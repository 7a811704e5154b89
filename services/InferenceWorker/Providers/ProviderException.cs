namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// A provider call failed in a way the chain understands: an HTTP status (with an optional Retry-After), a dropped
/// connection or a timeout. Every provider SDK's exception is turned into this one by <see cref="ProviderFailures"/>.
/// </summary>
public sealed class ProviderException(
    string message,
    int? statusCode = null,
    TimeSpan? retryAfter = null,
    bool isConnectionFailure = false,
    bool isTimeout = false,
    Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool IsConnectionFailure { get; } = isConnectionFailure;
    public bool IsTimeout { get; } = isTimeout;

    /// <summary>Worth another attempt: 408, 429, 5xx, a timeout or a connection failure.</summary>
    public bool IsTransient => IsConnectionFailure || IsTimeout || StatusCode is 408 or 429 or >= 500;
}
