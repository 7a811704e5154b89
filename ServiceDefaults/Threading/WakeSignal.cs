namespace Chatbot.ServiceDefaults.Threading;

/// <summary>
/// Wakes one background loop: any number of <see cref="Notify"/> calls while the loop works collapse into one wake-up.
/// Cheap on hot paths (a flag exchange, no exception when already signalled), unlike releasing a full semaphore.
/// </summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);
    private int signalled;

    public void Notify()
    {
        if (Interlocked.Exchange(ref signalled, 1) == 0)
        {
            semaphore.Release();
        }
    }

    /// <summary>Waits for a <see cref="Notify"/> (or the timeout); true when notified. Work done after this returns sees every earlier notification.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var woken = await semaphore.WaitAsync(timeout, ct);
        if (woken)
        {
            Volatile.Write(ref signalled, 0);
        }
        return woken;
    }
}
