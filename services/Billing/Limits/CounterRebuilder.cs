using Chatbot.Billing.Data;
using Chatbot.Billing.Quotas;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.Limits;

/// <summary>
/// Sets the Redis counters of the current day, month and hour to what the ledger (the source of truth) says plus the
/// reservations still open. Idempotent: running it twice, or on every billing replica's start, gives the same values.
/// A reservation made while it runs may be overwritten for its key; the next rebuild or settlement corrects it.
/// </summary>
public sealed class CounterRebuilder(BillingDbContext db, IConnectionMultiplexer redis, TimeProvider clock)
{
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dayStart = QuotaPeriods.DayStart(now);
        var monthStart = QuotaPeriods.MonthStart(now);
        var hourStart = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var values = new Dictionary<string, long>();
        void Add(string key, long amount) => values[key] = values.GetValueOrDefault(key) + amount;

        var users = await db.UsageEntries.AsNoTracking().Where(u => u.OccurredAt >= dayStart)
            .GroupBy(u => new { u.TenantId, u.UserId })
            .Select(g => new { g.Key.TenantId, g.Key.UserId, Tokens = g.Sum(u => (long)u.InputTokens + u.OutputTokens) })
            .ToListAsync(ct);
        foreach (var u in users)
        {
            Add(QuotaKeys.UserDayTokens(u.TenantId, u.UserId, now), u.Tokens);
            Add(QuotaKeys.TenantDayTokens(u.TenantId, now), u.Tokens);
        }
        var months = await db.UsageEntries.AsNoTracking().Where(u => u.OccurredAt >= monthStart)
            .GroupBy(u => u.TenantId)
            .Select(g => new { TenantId = g.Key, Micros = g.Sum(u => Math.Ceiling(u.Cost * 1_000_000m)) })
            .ToListAsync(ct);
        foreach (var m in months)
        {
            Add(QuotaKeys.TenantMonthCost(m.TenantId, now), (long)m.Micros);
        }
        var hour = await db.UsageEntries.AsNoTracking().Where(u => u.RecordedAt >= hourStart)
            .SumAsync(u => Math.Ceiling(u.Cost * 1_000_000m), ct);
        values[QuotaKeys.PlatformHourCost(now)] = (long)hour;

        var database = redis.GetDatabase();
        foreach (var id in await database.SortedSetRangeByRankAsync(QuotaKeys.ReservationIndex))
        {
            var r = await database.HashGetAsync(QuotaKeys.Prefix + "reservation:" + id, ["tokens", "cost", "ud", "td", "tm"]);
            if (r[0].IsNull)
            {
                continue;
            }
            Add((string)r[2]!, (long)r[0]);
            Add((string)r[3]!, (long)r[0]);
            Add((string)r[4]!, (long)r[1]);
        }

        var batch = database.CreateBatch();
        var writes = values.Select(kv => batch.StringSetAsync(kv.Key, kv.Value, TimeSpan.FromDays(kv.Key.Contains(":cost:") ? 63 : 2))).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
        return values.Count;
    }
}
