using System.Threading.Channels;

namespace Chatbot.Outbox;

/// <summary>
/// Wakes this instance's dispatcher right after a commit, so a new row is published without waiting for a poll. Any
/// number of <see cref="Notify"/> calls while the dispatcher works collapse into one wake-up (a one-slot channel).
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Waits for a <see cref="Notify"/> (or the timeout); true when notified.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (channel.Reader.TryRead(out _))
        {
            return true;
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            return await channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
