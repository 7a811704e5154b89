using System.Globalization;
using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Billing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using F = Chatbot.Contracts.Billing.QuotaKeys.Fields;

namespace Chatbot.Billing.Limits;

/// <summary>
/// Copies plans, overrides, disable switches and the reservation price from billingdb (source of truth) into the Redis
/// hashes the reserve script reads, so a reservation stays one round trip. Run at start-up and after every admin change.
/// </summary>
public sealed class LimitPublisher(BillingDbContext db, IConnectionMultiplexer redis, TimeProvider clock)
{
    public async Task PublishAllAsync(CancellationToken ct)
    {
        foreach (var plan in await db.Plans.AsNoTracking().ToListAsync(ct))
        {
            await PublishPlanAsync(plan);
        }
        foreach (var tenant in await db.Tenants.AsNoTracking().ToListAsync(ct))
        {
            await PublishTenantAsync(tenant);
        }
        foreach (var user in await db.UserLimits.AsNoTracking().ToListAsync(ct))
        {
            await PublishUserAsync(user);
        }
        await PublishReservePriceAsync(ct);
    }

    public Task PublishPlanAsync(Plan plan) => redis.GetDatabase().HashSetAsync(QuotaKeys.Plan(plan.Tier),
    [
        new(F.UserTokensPerDay, plan.UserTokensPerDay ?? -1), new(F.TenantTokensPerDay, plan.TenantTokensPerDay ?? -1),
        new(F.RequestsPerMinute, plan.RequestsPerMinute ?? -1),
        new(F.MonthlyBudgetMicros, plan.MonthlyBudgetUsd is { } b ? Micros.FromUsd(b) : -1),
    ]);

    public Task PublishTenantAsync(TenantBilling t) => WriteOverridesAsync(QuotaKeys.TenantLimits(t.TenantId),
        (F.UserTokensPerDay, t.UserTokensPerDay), (F.TenantTokensPerDay, t.TenantTokensPerDay),
        (F.RequestsPerMinute, t.RequestsPerMinute), (F.MonthlyBudgetMicros, t.MonthlyBudgetUsd is { } b ? Micros.FromUsd(b) : null),
        (F.Disabled, t.Disabled ? 1 : null));

    public Task PublishUserAsync(UserLimit u) => WriteOverridesAsync(QuotaKeys.UserLimits(u.TenantId, u.UserId),
        (F.UserTokensPerDay, u.TokensPerDay), (F.RequestsPerMinute, u.RequestsPerMinute));

    /// <summary>Reservations are priced at the dearest model in force now, so an estimate never undercounts.</summary>
    public async Task PublishReservePriceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.Prices.AsNoTracking().Where(p => p.EffectiveFrom <= now)
            .GroupBy(p => new { p.Provider, p.Model })
            .Select(g => g.OrderByDescending(p => p.EffectiveFrom).First())
            .ToListAsync(ct);
        if (current.Count == 0)
        {
            return;
        }
        await redis.GetDatabase().HashSetAsync(QuotaKeys.ReservePrice,
        [
            new(F.InputMicrosPerToken, current.Max(p => p.InputPerMillion).ToString(CultureInfo.InvariantCulture)),
            new(F.OutputMicrosPerToken, current.Max(p => p.OutputPerMillion).ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    private async Task WriteOverridesAsync(string key, params (string Field, long? Value)[] values)
    {
        var database = redis.GetDatabase();
        var set = values.Where(v => v.Value is not null).Select(v => new HashEntry(v.Field, v.Value!.Value)).ToArray();
        var unset = values.Where(v => v.Value is null).Select(v => (RedisValue)v.Field).ToArray();
        var batch = database.CreateTransaction();
        _ = batch.HashDeleteAsync(key, unset);
        if (set.Length > 0)
        {
            _ = batch.HashSetAsync(key, set);
        }
        await batch.ExecuteAsync();
    }
}
