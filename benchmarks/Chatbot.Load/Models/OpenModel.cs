using System.Diagnostics;

namespace Chatbot.Load.Models;

/// <summary>
/// Open model: iterations arrive at a fixed rate whatever the system's latency. An arrival that finds
/// <see cref="MaxInFlight"/> iterations still running is dropped (counted, not started); one that starts more than
/// <see cref="LateAfter"/> after its scheduled time (the generator fell behind) is counted as late.
/// </summary>
public sealed record OpenModel(double RatePerSecond, TimeSpan Duration, int MaxInFlight, TimeSpan LateAfter)
{
    public async Task<OpenModelResult> RunAsync(Func<CancellationToken, Task> iteration, TimeSpan grace, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RatePerSecond);
        var interval = Stopwatch.Frequency / RatePerSecond;
        var lateTicks = (long)(LateAfter.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(Duration.TotalSeconds * Stopwatch.Frequency);
        long scheduled = 0, started = 0, dropped = 0, late = 0;
        var inFlight = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        while (!ct.IsCancellationRequested)
        {
            var due = start + (long)(scheduled * interval);
            if (due >= end)
            {
                break;
            }
            var now = Stopwatch.GetTimestamp();
            if (now < due)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.001, (due - now) / (double)Stopwatch.Frequency)), ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                continue;
            }
            scheduled++;
            if (now - due > lateTicks)
            {
                late++;
            }
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                dropped++;
                continue;
            }
            Interlocked.Increment(ref inFlight);
            started++;
            _ = Task.Run(async () =>
            {
                try
                {
                    await iteration(stop.Token);
                }
                catch (Exception)
                {
                    // counted by the iteration's steps
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }, CancellationToken.None);
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await DrainAsync(() => Volatile.Read(ref inFlight), grace, stop);
        return new OpenModelResult(scheduled, started, dropped, late, seconds);
    }

    private static async Task DrainAsync(Func<int> inFlight, TimeSpan grace, CancellationTokenSource stop)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        while (inFlight() > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10, CancellationToken.None);
        }
        await stop.CancelAsync();
        while (inFlight() > 0)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
