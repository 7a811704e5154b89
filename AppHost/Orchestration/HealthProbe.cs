namespace Chatbot.AppHost.Orchestration;

/// <summary>Polls a health check until it passes, the resource dies, or the time runs out.</summary>
public static class HealthProbe
{
    public static async Task WaitUntilHealthyAsync(
        string resource,
        Func<CancellationToken, Task<bool>> check,
        Func<bool> hasExited,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"{resource} exited before it became healthy.");
            }
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                if (await check(attempt.Token))
                {
                    return;
                }
            }
            catch (Exception) when (!timeoutSource.IsCancellationRequested)
            {
                // Not up yet: connection refused, a 503 from /health, a protocol error...
            }
            if (timeoutSource.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"{resource} did not become healthy within {timeout.TotalSeconds:0} s.");
            }
            await Task.WhenAny(Task.Delay(delay, CancellationToken.None), Task.Delay(Timeout.Infinite, timeoutSource.Token));
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>A service is healthy when GET /health answers 200.</summary>
    public static Func<CancellationToken, Task<bool>> Http(HttpClient client, Uri endpoint) => async ct =>
    {
        using var response = await client.GetAsync(new Uri(endpoint, "/health"), ct);
        return response.IsSuccessStatusCode;
    };
}
