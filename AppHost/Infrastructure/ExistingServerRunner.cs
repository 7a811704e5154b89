using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>A server the AppHost does not own: "starting" it means waiting until it answers.</summary>
public sealed class ExistingServerRunner(
    string name,
    Func<CancellationToken, Task<bool>> healthCheck,
    InfrastructureContext context,
    Func<CancellationToken, Task>? afterHealthy) : IResourceRunner
{
    public string Name => name;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Publish(s => s with { State = KnownResourceStates.Starting });
        try
        {
            await HealthProbe.WaitUntilHealthyAsync(name, healthCheck, () => false, context.Options.StartTimeout, cancellationToken);
            if (afterHealthy is not null)
            {
                await afterHealthy(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Publish(s => s with { State = KnownResourceStates.FailedToStart, Health = HealthStatus.Unhealthy, Error = e.Message });
            throw;
        }
        Publish(s => s with { State = KnownResourceStates.Running, Health = HealthStatus.Healthy });
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{name} is an existing server; the AppHost does not stop it.");

    public Task KillAsync() => throw new NotSupportedException($"{name} is an existing server; the AppHost does not kill it.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => context.Notifications.Publish(name, "Existing", update);
}
