using Chatbot.Billing.Data;
using Chatbot.Billing.Quotas;
using Chatbot.ServiceDefaults.Tenancy;
using StackExchange.Redis;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.Limits;

/// <summary>
/// Puts billing's state back into Redis from billingdb: limits and prices (<see cref="LimitPublisher"/>), then the
/// current counters from the ledger (<see cref="CounterRebuilder"/>), then <see cref="QuotaKeys.StateMarker"/>.
/// Idempotent; run at start-up and whenever the marker is gone. It reads every tenant's rows, so it runs in billing's
/// one cross-tenant scope (<see cref="BillingTenancy.StateRestoreScope"/>), outside any tenant.
/// </summary>
public sealed class RedisStateRestorer(IServiceScopeFactory scopes, IConnectionMultiplexer redis, ILogger<RedisStateRestorer> logger)
{
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>(); // the publisher's and the rebuilder's
        await using var allTenants = await db.BeginCrossTenantScopeAsync(BillingTenancy.StateRestoreScope, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<LimitPublisher>().PublishAllAsync(cancellationToken);
        var keys = await scope.ServiceProvider.GetRequiredService<CounterRebuilder>().RebuildAsync(cancellationToken);
        await allTenants.CommitAsync(cancellationToken);
        await redis.GetDatabase().StringSetAsync(QuotaKeys.StateMarker, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        BillingLog.CountersRebuilt(logger, keys);
    }

    public async Task<bool> IsPresentAsync() => await redis.GetDatabase().KeyExistsAsync(QuotaKeys.StateMarker);
}
