using Chatbot.ServiceDefaults.Threading;

namespace Chatbot.Chat.Outbox;

/// <summary>Wakes this instance's dispatcher right after a commit, so a new row is published without waiting for a poll.</summary>
public sealed class OutboxSignal
{
    private readonly WakeSignal signal = new();

    public void Notify() => signal.Notify();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
