using System.Threading.Channels;

namespace Chatbot.Chat.Replies;

/// <summary>One SSE client waiting on one reply stream; <see cref="ReplyStreamHub"/> feeds entries after <see cref="Position"/>.</summary>
public sealed class ReplyStreamSubscription(ReplyStreamHub hub, string streamKey, StreamEntryId after) : IDisposable
{
    private readonly Channel<ReplyStreamEvent> channel = Channel.CreateUnbounded<ReplyStreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public string StreamKey { get; } = streamKey;

    /// <summary>The last entry handed to this subscriber; only the hub's loop changes it.</summary>
    public StreamEntryId Position { get; internal set; } = after;

    public ChannelReader<ReplyStreamEvent> Events => channel.Reader;

    internal void Deliver(ReplyStreamEvent streamEvent)
    {
        if (streamEvent.Id > Position)
        {
            Position = streamEvent.Id;
            channel.Writer.TryWrite(streamEvent);
        }
    }

    public void Dispose()
    {
        channel.Writer.TryComplete();
        hub.Remove(this);
    }
}
