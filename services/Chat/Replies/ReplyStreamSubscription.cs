using System.Threading.Channels;

namespace Chatbot.Chat.Replies;

/// <summary>
/// One SSE client waiting on one reply stream; <see cref="ReplyStreamHub"/> feeds entries after <see cref="Position"/>,
/// from its rounds and from wake-ups that carry a first entry (two threads: an entry goes out once, in id order).
/// The SSE pump waiting on <see cref="Events"/> resumes on the delivering thread: the entry is written and flushed to
/// the client without a hop through the thread pool's queue, which under load is where a first token waited. The pump
/// never blocks (a flush the client is slow to take yields), so a round or a wake-up is held for microseconds.
/// </summary>
public sealed class ReplyStreamSubscription(ReplyStreamHub hub, string streamKey, StreamEntryId after) : IDisposable
{
    private readonly Channel<ReplyStreamEvent> channel = Channel.CreateUnbounded<ReplyStreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true }); // writes happen under the lock
    private readonly Lock gate = new();
    private StreamEntryId position = after;

    public string StreamKey { get; } = streamKey;

    /// <summary>The last entry handed to this subscriber.</summary>
    public StreamEntryId Position
    {
        get { lock (gate) return position; }
    }

    public ChannelReader<ReplyStreamEvent> Events => channel.Reader;

    internal void Deliver(ReplyStreamEvent streamEvent)
    {
        lock (gate)
        {
            if (streamEvent.Id > position)
            {
                position = streamEvent.Id;
                channel.Writer.TryWrite(streamEvent);
            }
        }
    }

    public void Dispose()
    {
        channel.Writer.TryComplete();
        hub.Remove(this);
    }
}
