namespace Chatbot.AppHost.Orchestration;

/// <summary>Exponential backoff for crash restarts: 1 s, 2 s, 4 s ... capped at 30 s; reset after a minute of running.</summary>
public sealed class RestartBackoff(TimeProvider time)
{
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private int _consecutive;
    private DateTimeOffset _lastStart = time.GetUtcNow();

    public void Started() => _lastStart = time.GetUtcNow();

    public TimeSpan NextDelay()
    {
        if (time.GetUtcNow() - _lastStart > StableAfter)
        {
            _consecutive = 0;
        }
        var seconds = Math.Min(30, Math.Pow(2, _consecutive++));
        return TimeSpan.FromSeconds(seconds);
    }
}
