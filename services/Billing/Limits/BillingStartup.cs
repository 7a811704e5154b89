namespace Chatbot.Billing.Limits;

/// <summary>Before billing takes traffic: publish limits to Redis and rebuild the counters from the ledger.</summary>
public sealed class BillingStartup(IServiceScopeFactory scopes, ILogger<BillingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LimitPublisher>().PublishAllAsync(cancellationToken);
        var keys = await scope.ServiceProvider.GetRequiredService<CounterRebuilder>().RebuildAsync(cancellationToken);
        BillingLog.CountersRebuilt(logger, keys);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
