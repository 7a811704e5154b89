using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Load.Metrics;

/// <summary>All steps of one run, by name, in the order they were first seen.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, StepStats> _steps = new();
    private readonly ConcurrentQueue<string> _order = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _stopped;

    public StepStats this[string step] => _steps.GetOrAdd(step, name =>
    {
        _order.Enqueue(name);
        return new StepStats();
    });

    public IEnumerable<(string Name, StepStats Stats)> Steps =>
        _order.Distinct().Where(_steps.ContainsKey).Select(name => (name, _steps[name]));

    /// <summary>Seconds from creation to <see cref="Stop"/> (or to now), the denominator of every throughput.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(_started, Interlocked.Read(ref _stopped) is > 0 and var s ? s : Stopwatch.GetTimestamp()).TotalSeconds;

    public void Stop() => Interlocked.CompareExchange(ref _stopped, Stopwatch.GetTimestamp(), 0);

    /// <summary>Times <paramref name="action"/> as <paramref name="step"/>; a failure is counted by kind and rethrown.
    /// Cancellation by <paramref name="ct"/> (the run ending) is neither a success nor an error.</summary>
    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> action, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        T result = default!;
        await MeasureAsync(step, async () =>
        {
            result = await action();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }, ct);
        return result;
    }

    /// <summary>Like <see cref="TimeAsync{T}"/>, but records the milliseconds <paramref name="action"/> returns
    /// (e.g. the time to a first token inside a longer call).</summary>
    public async Task MeasureAsync(string step, Func<Task<double>> action, CancellationToken ct)
    {
        try
        {
            this[step].Success(await action());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            this[step].Failure(ErrorKind.Of(e));
            throw;
        }
    }
}
