namespace Chatbot.Simulator;

/// <summary>
/// An injected fault: an HTTP status (with an optional Retry-After) or a dropped connection. The HTTP endpoint answers it
/// as the status; in process, the worker's provider chain reads it as any provider's failure.
/// </summary>
public sealed class SimulatedFailureException(string message, int? statusCode, TimeSpan? retryAfter = null, bool isConnectionFailure = false)
    : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool IsConnectionFailure { get; } = isConnectionFailure;
}
