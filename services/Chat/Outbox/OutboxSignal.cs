namespace Chatbot.Chat.Outbox;

/// <summary>Wakes this instance's dispatcher right after a commit, so a new row is published without waiting for a poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once more anyway.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
