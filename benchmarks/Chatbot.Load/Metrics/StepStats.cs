using System.Collections.Concurrent;

namespace Chatbot.Load.Metrics;

/// <summary>One step of a journey (e.g. "send message"): latency of the successes, and failures counted by kind.</summary>
public sealed class StepStats
{
    private const int MaxErrorKinds = 20;
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private long _errorCount;

    public Histogram Latency { get; } = new();

    public long Errors => Interlocked.Read(ref _errorCount);

    /// <summary>Failure kinds ("HTTP 429", "timeout", ...) with their counts; at most 20 kinds, the rest under "other".</summary>
    public IReadOnlyDictionary<string, long> ErrorKinds => _errors;

    public void Success(double milliseconds) => Latency.RecordMilliseconds(milliseconds);

    public void Failure(string kind) => Failures(kind, 1);

    public void Failures(string kind, long count)
    {
        Interlocked.Add(ref _errorCount, count);
        var key = _errors.Count < MaxErrorKinds || _errors.ContainsKey(kind) ? kind : "other";
        _errors.AddOrUpdate(key, count, (_, c) => c + count);
    }
}
