using System.Security.Cryptography;

namespace Chatbot.Load.Tracing;

/// <summary>
/// One probe turn sent with its own W3C trace id: the POST and the stream request carry it (as two root spans of the
/// client), so every span the turn causes in chat and the worker lands in one trace. Times in Unix nanoseconds.
/// </summary>
public sealed class TracedTurn
{
    public string TraceId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    public ulong PostStarted { get; private set; }
    public ulong FirstTokenRead { get; set; }

    public void Started() => PostStarted = NowNanoseconds();

    /// <summary>A <c>traceparent</c> for one request of this turn (a new client span id each time, sampled).</summary>
    public string NewTraceParent() => $"00-{TraceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01";

    public static ulong NowNanoseconds() => UnixNanoseconds(DateTime.UtcNow);

    /// <summary>A UTC time as OTLP stamps it: nanoseconds since the Unix epoch.</summary>
    public static ulong UnixNanoseconds(DateTime utc) => (ulong)(utc - DateTime.UnixEpoch).Ticks * 100;
}
