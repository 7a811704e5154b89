using System.Diagnostics;

namespace Chatbot.Load.Models;

/// <summary>
/// Closed model: N virtual users, each running its iteration back to back (think time is part of the iteration) for
/// the ramp-up plus the duration; users start spread over the ramp-up. An iteration still running at the end gets
/// <see cref="Grace"/> to finish, then is cancelled (a cancelled step is not counted).
/// </summary>
public sealed record ClosedModel(int Users, TimeSpan Duration, TimeSpan RampUp, TimeSpan Grace)
{
    /// <summary>Runs <paramref name="iteration"/>(user index, stop token) until the run ends. Failures are recorded by
    /// the iteration's steps; the user pauses 100 ms (not to spin on a dead system) and goes on.</summary>
    public async Task RunAsync(Func<int, CancellationToken, Task> iteration, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var end = Stopwatch.GetTimestamp() + (long)((Duration + RampUp).TotalSeconds * Stopwatch.Frequency);
        async Task UserAsync(int user)
        {
            try
            {
                await Task.Delay(RampUp * user / Math.Max(1, Users), stop.Token);
                while (Stopwatch.GetTimestamp() < end && !stop.IsCancellationRequested)
                {
                    try
                    {
                        await iteration(user, stop.Token);
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        await Task.Delay(100, stop.Token);
                    }
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // the run ended while this user was busy
            }
        }
        var all = Task.WhenAll(Enumerable.Range(0, Users).Select(UserAsync));
        await Task.WhenAny(all, Task.Delay(Duration + RampUp, ct));
        stop.CancelAfter(Grace);
        await all;
    }

    /// <summary>True until <paramref name="duration"/> from now has passed (journeys check it between turns).</summary>
    public static Func<bool> Until(TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return () => Stopwatch.GetTimestamp() < end;
    }
}
