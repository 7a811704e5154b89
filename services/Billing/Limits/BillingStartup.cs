namespace Chatbot.Billing.Limits;

/// <summary>Before billing takes traffic: publish limits to Redis and rebuild the counters from the ledger.</summary>
public sealed class BillingStartup(RedisStateRestorer restorer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => restorer.RestoreAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
