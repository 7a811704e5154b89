using System.Collections.Concurrent;

namespace Chatbot.AppHost.Orchestration;

/// <summary>Current state of every resource, change events, and waits (mirrors Aspire's ResourceNotificationService).</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<ResourceSnapshot>? Changed;

    public IReadOnlyList<ResourceSnapshot> Snapshots => [.. _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot? GetSnapshot(string name) => _snapshots.GetValueOrDefault(name);

    public void Publish(string name, string type, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ResourceSnapshot snapshot;
        TaskCompletionSource changed;
        lock (_lock)
        {
            snapshot = update(_snapshots.GetValueOrDefault(name) ?? new ResourceSnapshot(name, type));
            _snapshots[name] = snapshot;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        Changed?.Invoke(snapshot);
    }

    /// <summary>Waits until the resource runs and its health check passes; throws if it failed to start.</summary>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.IsHealthy, cancellationToken);

    /// <summary>Waits until the resource reaches <paramref name="state"/>.</summary>
    public Task<ResourceSnapshot> WaitForResourceAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate,
        CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }
            if (GetSnapshot(name) is { } snapshot)
            {
                if (predicate(snapshot))
                {
                    return snapshot;
                }
                if (snapshot.State == KnownResourceStates.FailedToStart)
                {
                    throw new InvalidOperationException($"Resource '{name}' failed to start: {snapshot.Error}");
                }
            }
            await changed.WaitAsync(cancellationToken);
        }
    }
}
