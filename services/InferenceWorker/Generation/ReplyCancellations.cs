using System.Collections.Concurrent;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>Replies being generated on this instance, each with a token that a cancel request trips.</summary>
public sealed class ReplyCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _active = new();

    public Registration Register(Guid replyId)
    {
        var source = new CancellationTokenSource();
        _active[replyId] = source;
        return new Registration(this, replyId, source);
    }

    /// <summary>Cancels the reply if this instance is generating it; returns whether it was.</summary>
    public bool Cancel(Guid replyId)
    {
        if (!_active.TryGetValue(replyId, out var source)) return false;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        return true;
    }

    public sealed class Registration(ReplyCancellations owner, Guid replyId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner._active.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(replyId, source));
            source.Dispose();
        }
    }
}
