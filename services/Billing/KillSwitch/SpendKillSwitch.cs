using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Billing.KillSwitch;

/// <summary>
/// The platform-wide cost circuit breaker. Past the hourly spend ceiling it sets <see cref="QuotaKeys.KillSwitch"/>,
/// which the reserve script checks first, so every chat replica refuses new generations at once (503); one alert is
/// published. Only a platform admin clears it; after that it does not trip again in the same hour.
/// </summary>
public sealed class SpendKillSwitch(IConnectionMultiplexer redis, IPublishEndpoint publisher, IOptions<BillingOptions> options,
    TimeProvider clock, ILogger<SpendKillSwitch> logger)
{
    private static string ClearedKey(string hour) => $"{QuotaKeys.KillSwitch}:cleared:{hour}";

    public async Task CheckAsync(decimal hourSpendUsd, CancellationToken ct)
    {
        var ceiling = options.Value.HourlySpendCeilingUsd;
        if (hourSpendUsd <= ceiling)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var hour = QuotaKeys.Hour(now);
        var database = redis.GetDatabase();
        if (await database.KeyExistsAsync(ClearedKey(hour)) || !await database.StringSetAsync(QuotaKeys.KillSwitch, hour, when: When.NotExists))
        {
            return;
        }
        BillingLog.KillSwitchTripped(logger, hourSpendUsd, ceiling);
        await publisher.Publish(new SpendCeilingReached(NewId.NextGuid(), now, hour, hourSpendUsd, ceiling), ct);
    }

    public async Task<KillSwitchState> StateAsync() =>
        await redis.GetDatabase().StringGetAsync(QuotaKeys.KillSwitch) is { HasValue: true } hour
            ? new KillSwitchState(true, (string?)hour)
            : new KillSwitchState(false, null);

    public async Task ClearAsync(Guid by)
    {
        var database = redis.GetDatabase();
        await database.StringSetAsync(ClearedKey(QuotaKeys.Hour(clock.GetUtcNow())), by.ToString(), TimeSpan.FromHours(2));
        await database.KeyDeleteAsync(QuotaKeys.KillSwitch);
        BillingLog.KillSwitchCleared(logger, by);
    }

    public Task TripAsync() => redis.GetDatabase().StringSetAsync(QuotaKeys.KillSwitch, QuotaKeys.Hour(clock.GetUtcNow()));
}
