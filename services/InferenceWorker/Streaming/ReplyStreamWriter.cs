using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Telemetry;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>
/// Appends one reply's events to its Redis Stream. Tokens are coalesced: the first token after a quiet period goes out
/// at once (time to first token), later ones within <c>FlushIntervalMilliseconds</c> leave as one entry, and writes are
/// pipelined without waiting, so Redis round trips never pace the model. Control events (reset, error, done) flush
/// what is pending first and wait for every write. Commands go out in call order on the multiplexer, so order holds.
/// </summary>
public sealed class ReplyStreamWriter(IDatabase db, string key, InferenceOptions options, TimeProvider timeProvider) : IReplySink
{
    private const int MaxInFlight = 256;
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _content = new();
    private readonly List<Task> _inFlight = [];
    private readonly StreamedText _streamed = new();
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options.FlushIntervalMilliseconds);
    private long _lastFlush = long.MinValue;
    private bool _flushScheduled;
    private bool _expirySet;

    /// <summary>Tokens that follow are <paramref name="provider"/>'s (and billed at its prices if the reply never finishes).</summary>
    public void ProviderSelected(ChatProvider provider)
    {
        lock (_gate) _streamed.Begin(provider);
    }

    /// <summary>What each provider streamed into this reply, resets included (see <see cref="StreamedText"/>).</summary>
    public IReadOnlyList<(ChatProvider Provider, string Text)> StreamedByProvider
    {
        get { lock (_gate) return _streamed.Segments; }
    }

    /// <summary>The reply text since the last reset.</summary>
    public string Content
    {
        get { lock (_gate) return _content.ToString(); }
    }

    public async ValueTask TokenAsync(string text, CancellationToken cancellationToken)
    {
        Task? oldest = null;
        lock (_gate)
        {
            _pending.Append(text);
            _content.Append(text);
            _streamed.Append(text);
            if (!_flushScheduled)
            {
                var sinceLast = _lastFlush == long.MinValue ? _interval : timeProvider.GetElapsedTime(_lastFlush);
                if (sinceLast >= _interval)
                {
                    FlushLocked();
                }
                else
                {
                    _flushScheduled = true;
                    _ = FlushLaterAsync(_interval - sinceLast);
                }
            }
            if (_inFlight.Count > MaxInFlight) oldest = _inFlight[0];
        }
        if (oldest is not null) await oldest.WaitAsync(cancellationToken); // back-pressure when Redis falls behind
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _content.Clear();
        return new ValueTask(AppendControlAsync(ReplyStreamProtocol.Reset, "{}", complete: false));
    }

    /// <summary>Appends an event of another kind (e.g. <c>approval_required</c>) after every token so far, and waits until it is stored.</summary>
    public Task AppendEventAsync(string type, string data) => AppendControlAsync(type, data, complete: false);

    public Task ErrorAsync(string code, string message) =>
        AppendControlAsync(ReplyStreamProtocol.Error, ReplyStreamJson.Serialize(new ErrorEvent(code, message)), complete: true);

    public Task DoneAsync(DoneEvent done) =>
        AppendControlAsync(ReplyStreamProtocol.Done, ReplyStreamJson.Serialize(done), complete: true);

    private async Task AppendControlAsync(string type, string data, bool complete)
    {
        Task[] pending;
        lock (_gate)
        {
            FlushLocked();
            Add(type, data);
            if (complete) _inFlight.Add(db.KeyExpireAsync(key, TimeSpan.FromSeconds(options.StreamExpirySeconds)));
            pending = [.. _inFlight];
            _inFlight.Clear();
        }
        await Task.WhenAll(pending);
    }

    private async Task FlushLaterAsync(TimeSpan delay)
    {
        await Task.Delay(delay, timeProvider);
        lock (_gate)
        {
            _flushScheduled = false;
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0) return;
        Add(ReplyStreamProtocol.Token, ReplyStreamJson.Serialize(new TokenEvent(_pending.ToString())));
        _pending.Clear();
        _lastFlush = timeProvider.GetTimestamp();
    }

    private void Add(string type, string data)
    {
        _inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        // The first entry, its expiry and the wake-up of chat replicas in one atomic round trip (see FirstEntryScript).
        var first = !_expirySet;
        if (first) InferenceActivities.FirstEntry();
        _expirySet = true;
        _inFlight.Add(StreamEntries.AppendAsync(db, key, type, data, options, first));
    }
}
