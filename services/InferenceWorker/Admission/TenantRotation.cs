namespace Chatbot.InferenceWorker.Admission;

/// <summary>
/// The waiting turns of one tier: a FIFO queue per tenant, served round-robin, so a tenant with hundreds of turns
/// waiting and a tenant with one take turns. A tenant that may not start another turn now (at its slot cap) is skipped
/// without losing its place.
/// </summary>
internal sealed class TenantRotation
{
    private readonly Dictionary<Guid, LinkedList<TurnTicket>> _byTenant = [];
    private readonly List<Guid> _order = [];
    private int _next;

    public int Count { get; private set; }

    public void Add(TurnTicket ticket)
    {
        if (!_byTenant.TryGetValue(ticket.TenantId, out var queue))
        {
            queue = new LinkedList<TurnTicket>();
            _byTenant[ticket.TenantId] = queue;
            _order.Add(ticket.TenantId);
        }
        ticket.Node = queue.AddLast(ticket);
        Count++;
    }

    /// <summary>The next turn in round-robin order whose tenant <paramref name="mayStart"/>, or null.</summary>
    public TurnTicket? Peek(Func<Guid, bool> mayStart)
    {
        for (var i = 0; i < _order.Count; i++)
        {
            var tenant = _order[(_next + i) % _order.Count];
            if (mayStart(tenant)) return _byTenant[tenant].First!.Value;
        }
        return null;
    }

    /// <summary>Takes the turn out; a <paramref name="served"/> turn passes the rotation on to the next tenant.</summary>
    public void Remove(TurnTicket ticket, bool served)
    {
        var queue = _byTenant[ticket.TenantId];
        queue.Remove(ticket.Node!);
        ticket.Node = null;
        Count--;
        var index = _order.IndexOf(ticket.TenantId);
        if (served) _next = index + 1;
        if (queue.Count == 0)
        {
            _byTenant.Remove(ticket.TenantId);
            _order.RemoveAt(index);
            if (_next > index) _next--;
        }
        _next = _order.Count == 0 ? 0 : _next % _order.Count;
    }

    /// <summary>Every waiting turn in the order the rotation would serve them (slot caps aside).</summary>
    public IEnumerable<TurnTicket> InServiceOrder()
    {
        var queues = Enumerable.Range(0, _order.Count).Select(i => _byTenant[_order[(_next + i) % _order.Count]].ToArray()).ToArray();
        var longest = queues.Length == 0 ? 0 : queues.Max(q => q.Length);
        for (var round = 0; round < longest; round++)
        {
            foreach (var queue in queues)
            {
                if (round < queue.Length) yield return queue[round];
            }
        }
    }
}
