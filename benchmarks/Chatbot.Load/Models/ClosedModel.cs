using System.Diagnostics;

namespace Chatbot.Load.Models;

/// <summary>
/// Closed model: N virtual users, each running its iteration back to back (think time is part of the iteration) until
/// the duration ends. Users start spread over the ramp-up. An iteration still running at the end gets
/// <paramref name="Grace"/> to finish, then is cancelled (a cancelled step is not counted).
/// </summary>
public sealed record ClosedModel(int Users, TimeSpan Duration, TimeSpan RampUp, TimeSpan Grace)
{
    /// <summary>Runs <paramref name="iteration"/>(user index, deadline token, stop token) until the duration ends.
    /// Failures are recorded by the iteration's steps; the user just goes on with its next iteration.</summary>
    public async Task RunAsync(Func<int, CancellationToken, Task> iteration, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var end = Stopwatch.GetTimestamp() + (long)(Duration.TotalSeconds * Stopwatch.Frequency);
        var users = Enumerable.Range(0, Users).Select(async user =>
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
                    await Task.Delay(100, stop.Token); // already counted by the step; do not spin on a dead system
                }
            }
        }).ToList();
        var all = Task.WhenAll(users);
        await Task.WhenAny(all, Task.Delay(Duration + RampUp, ct));
        stop.CancelAfter(Grace);
        try
        {
            await all;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>True while the run's duration has not ended (iterations check it between turns).</summary>
    public static Func<bool> Until(TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return () => Stopwatch.GetTimestamp() < end;
    }
}
