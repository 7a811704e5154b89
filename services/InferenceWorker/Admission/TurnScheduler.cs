using Chatbot.InferenceWorker.Telemetry;
using Chatbot.ServiceDefaults.Threading;

namespace Chatbot.InferenceWorker.Admission;

/// <summary>
/// Admits turns to the provider's slots (<see cref="WorkerCapacity"/>): at most <see cref="WorkerCapacity.Concurrency"/>
/// at once and, when the provider has one, no more than <see cref="WorkerCapacity.TokensPerMinute"/> started in any
/// minute. The rest wait: higher tier first, within a tier round-robin across tenants (<see cref="TenantRotation"/>),
/// and no tenant holds more than <see cref="WorkerCapacity.TenantSlots"/> slots, so one tenant's flood leaves room for
/// the others. <see cref="Changed"/> wakes the <see cref="QueuePositionReporter"/>, which tells waiting turns their place.
/// </summary>
public sealed class TurnScheduler : IDisposable
{
    private static readonly TimeSpan TokenWindow = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly SortedDictionary<byte, TenantRotation> _tiers = new(Comparer<byte>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<Guid, int> _activeByTenant = [];
    private readonly Queue<(long At, int Tokens)> _tokenWindow = new();
    private readonly WorkerCapacity _capacity;
    private readonly AdmissionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Func<Guid, bool> _mayStart;
    private ITimer? _tokenTimer;
    private int _active;
    private int _waiting;
    private int _windowTokens;
    private double _meanServiceMs;

    public TurnScheduler(WorkerCapacity capacity, AdmissionMetrics metrics, TimeProvider time)
    {
        _capacity = capacity;
        _metrics = metrics;
        _time = time;
        _mayStart = tenant => _activeByTenant.GetValueOrDefault(tenant) < _capacity.TenantSlots;
    }

    /// <summary>Notified whenever a turn starts waiting, is admitted or leaves.</summary>
    public WakeSignal Changed { get; } = new();

    public int Active
    {
        get { lock (_gate) return _active; }
    }

    public int Waiting
    {
        get { lock (_gate) return _waiting; }
    }

    /// <summary>Waits for a slot; cancelling <paramref name="cancellationToken"/> takes the turn out of the queue.</summary>
    public ValueTask<TurnLease> EnterAsync(Guid replyId, Guid tenantId, byte priority, int tokens, CancellationToken cancellationToken)
    {
        var ticket = new TurnTicket(replyId, tenantId, priority, tokens);
        lock (_gate)
        {
            if (!_tiers.TryGetValue(priority, out var rotation)) _tiers[priority] = rotation = new TenantRotation();
            rotation.Add(ticket);
            _waiting++;
            _metrics.Queued(priority, 1);
            AdmitLocked();
        }
        if (ticket.Admitted.Task.IsCompletedSuccessfully) return new ValueTask<TurnLease>(ticket.Admitted.Task.Result);
        Changed.Notify();
        return WaitAsync(ticket, cancellationToken);
    }

    private async ValueTask<TurnLease> WaitAsync(TurnTicket ticket, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => Abandon(ticket)))
        {
            return await ticket.Admitted.Task;
        }
    }

    private void Abandon(TurnTicket ticket)
    {
        lock (_gate)
        {
            if (ticket.Node is null) return; // admitted meanwhile: the caller gets (and releases) the lease
            _tiers[ticket.Priority].Remove(ticket, served: false);
            _waiting--;
            _metrics.Queued(ticket.Priority, -1);
        }
        ticket.Admitted.TrySetCanceled();
        Changed.Notify();
    }

    internal void Release(TurnLease lease)
    {
        lock (_gate)
        {
            _active--;
            var held = _activeByTenant[lease.TenantId] - 1;
            if (held == 0) _activeByTenant.Remove(lease.TenantId);
            else _activeByTenant[lease.TenantId] = held;
            _metrics.Active(lease.TenantId, -1);
            var served = _time.GetElapsedTime(lease.AdmittedAt).TotalMilliseconds;
            _meanServiceMs = _meanServiceMs == 0 ? served : 0.8 * _meanServiceMs + 0.2 * served;
            AdmitLocked();
        }
        Changed.Notify();
    }

    /// <summary>
    /// Calls <paramref name="report"/>, under the scheduler's lock, for every waiting turn whose position changed since
    /// its last report. A turn is admitted only under that lock, so what <paramref name="report"/> sends (non-blocking)
    /// goes out before anything the admitted turn writes.
    /// </summary>
    public void ReportChanges(Action<QueuedPosition> report)
    {
        lock (_gate)
        {
            var position = 0;
            foreach (var ticket in _tiers.Values.SelectMany(rotation => rotation.InServiceOrder()))
            {
                position++;
                if (ticket.ReportedPosition == position) continue;
                long? estimate = _meanServiceMs == 0 ? null : (long)(position * _meanServiceMs / _capacity.Concurrency);
                report(new QueuedPosition(ticket.ReplyId, position, estimate, First: ticket.ReportedPosition == 0));
                ticket.ReportedPosition = position;
            }
        }
    }

    private void AdmitLocked()
    {
        while (_active < _capacity.Concurrency && _waiting > 0)
        {
            TurnTicket? next = null;
            foreach (var rotation in _tiers.Values)
            {
                if (rotation.Count > 0 && (next = rotation.Peek(_mayStart)) is not null) break;
            }
            if (next is null || !TakeTokensLocked(next.Tokens)) return;
            _tiers[next.Priority].Remove(next, served: true);
            _waiting--;
            _active++;
            _activeByTenant[next.TenantId] = _activeByTenant.GetValueOrDefault(next.TenantId) + 1;
            _metrics.Queued(next.Priority, -1);
            _metrics.Active(next.TenantId, 1);
            next.Admitted.TrySetResult(new TurnLease(this, next.TenantId, _time.GetTimestamp()));
        }
    }

    /// <summary>The provider's tokens per minute: a turn starts when its tokens fit the last minute's (or nothing else ran in it).</summary>
    private bool TakeTokensLocked(int tokens)
    {
        if (_capacity.TokensPerMinute == 0) return true;
        var now = _time.GetTimestamp();
        while (_tokenWindow.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.At, now) >= TokenWindow)
        {
            _windowTokens -= _tokenWindow.Dequeue().Tokens;
        }
        if (_windowTokens > 0 && _windowTokens + tokens > _capacity.TokensPerMinute)
        {
            var due = TokenWindow - _time.GetElapsedTime(_tokenWindow.Peek().At, now) + TimeSpan.FromMilliseconds(1);
            _tokenTimer ??= _time.CreateTimer(_ => OnTokensFreed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _tokenTimer.Change(due, Timeout.InfiniteTimeSpan);
            return false;
        }
        _tokenWindow.Enqueue((now, tokens));
        _windowTokens += tokens;
        return true;
    }

    private void OnTokensFreed()
    {
        lock (_gate) AdmitLocked();
        Changed.Notify();
    }

    public void Dispose() => _tokenTimer?.Dispose();
}
