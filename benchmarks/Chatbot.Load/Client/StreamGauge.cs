namespace Chatbot.Load.Client;

/// <summary>How many reply streams are open right now, and how many of them have received a token (are streaming).</summary>
public sealed class StreamGauge
{
    private int _open;
    private int _streaming;

    public int Open => Volatile.Read(ref _open);

    public int Streaming => Volatile.Read(ref _streaming);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void FirstToken() => Interlocked.Increment(ref _streaming);

    internal void Closed(bool hadToken)
    {
        Interlocked.Decrement(ref _open);
        if (hadToken)
        {
            Interlocked.Decrement(ref _streaming);
        }
    }
}
