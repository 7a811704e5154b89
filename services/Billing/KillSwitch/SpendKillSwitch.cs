using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Billing.KillSwitch;

/// <summary>
/// The platform-wide cost circuit breaker. Past the hourly spend ceiling it sets <see cref="QuotaKeys.KillSwitch"/>,
/// which the reserve script checks first, so every chat replica refuses new generations at once (503), and publishes
/// <see cref="SpendCeilingReached"/> once per ceiling window (UTC hour), however many settlements on however many
/// billing replicas pass the ceiling: an <see cref="AlertedKey"/> marker is taken first and given back if the publish
/// fails, so a retried settlement publishes it then. Only a platform admin clears the switch; after that it does not
/// trip again in the same hour.
/// </summary>
public sealed class SpendKillSwitch(IConnectionMultiplexer redis, IPublishEndpoint publisher, IOptions<BillingOptions> options,
    TimeProvider clock, ILogger<SpendKillSwitch> logger)
{
    public static string ClearedKey(string hour) => $"{QuotaKeys.KillSwitch}:cleared:{hour}";

    public static string AlertedKey(string hour) => $"{QuotaKeys.KillSwitch}:alerted:{hour}";

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
        if (await database.KeyExistsAsync(ClearedKey(hour)))
        {
            return;
        }
        await database.StringSetAsync(QuotaKeys.KillSwitch, hour, when: When.NotExists);
        if (!await database.StringSetAsync(AlertedKey(hour), "1", TimeSpan.FromHours(2), when: When.NotExists))
        {
            return;
        }
        BillingLog.KillSwitchTripped(logger, hourSpendUsd, ceiling);
        try
        {
            await publisher.Publish(new SpendCeilingReached(NewId.NextGuid(), now, hour, hourSpendUsd, ceiling), ct);
        }
        catch
        {
            await database.KeyDeleteAsync(AlertedKey(hour));
            throw;
        }
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
