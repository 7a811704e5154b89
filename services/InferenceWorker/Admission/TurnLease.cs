namespace Chatbot.InferenceWorker.Admission;

/// <summary>A provider slot held by one turn from admission until it is disposed (the reply ended, however).</summary>
public sealed class TurnLease : IDisposable
{
    private readonly TurnScheduler _scheduler;
    private int _released;

    internal TurnLease(TurnScheduler scheduler, Guid tenantId, long admittedAt)
    {
        _scheduler = scheduler;
        TenantId = tenantId;
        AdmittedAt = admittedAt;
    }

    public Guid TenantId { get; }

    internal long AdmittedAt { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _scheduler.Release(this);
    }
}
