using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.Quotas;

/// <summary>
/// Reserve, settle and release against the Redis counters, each one Lua script (EVALSHA) = one atomic round trip, so N chat and
/// billing replicas share one view: a reservation either fits every limit (user, tenant, plan, monthly budget) or
/// changes nothing. Overshoot can only come from a reply using more than it reserved (the worker stops at the grant).
/// </summary>
public sealed class QuotaReservations(IConnectionMultiplexer redis, IOptions<QuotaOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan SettledMarkerTtl = TimeSpan.FromDays(3);
    private static readonly TimeSpan DayKeyTtl = TimeSpan.FromDays(2);
    private static readonly TimeSpan MonthKeyTtl = TimeSpan.FromDays(63);
    private static readonly TimeSpan HourKeyTtl = TimeSpan.FromHours(3);

    public async Task<ReservationResult> ReserveAsync(ReservationRequest request)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var plan = o.PlanFor(request.Tier);
        RedisKey[] keys =
        [
            QuotaKeys.UserDayTokens(request.TenantId, request.UserId, now), QuotaKeys.TenantDayTokens(request.TenantId, now),
            QuotaKeys.TenantMonthCost(request.TenantId, now), QuotaKeys.UserMinuteRequests(request.TenantId, request.UserId, now),
            QuotaKeys.Reservation(request.ReservationId), QuotaKeys.Plan(request.Tier), QuotaKeys.TenantLimits(request.TenantId),
            QuotaKeys.UserLimits(request.TenantId, request.UserId), QuotaKeys.KillSwitch, QuotaKeys.ReservationIndex,
            QuotaKeys.ReservePrice,
        ];
        RedisValue[] args =
        [
            request.PromptTokens, request.MaxOutputTokens, request.MinimumOutputTokens ?? o.MinimumOutputTokens, (double)o.InputPricePerMillion, (double)o.OutputPricePerMillion,
            plan.UserTokensPerDay ?? -1, plan.TenantTokensPerDay ?? -1, plan.RequestsPerMinute ?? -1,
            plan.MonthlyBudgetUsd is { } budget ? Micros.FromUsd(budget) : -1,
            request.ReservationId.ToString("N"), (now + o.ReservationTtl).ToUnixTimeMilliseconds(),
            (long)(o.ReservationTtl + TimeSpan.FromHours(1)).TotalSeconds, (long)DayKeyTtl.TotalSeconds, (long)MonthKeyTtl.TotalSeconds,
            request.CountsRequest ? 1 : 0,
        ];
        var result = (RedisResult[])(await QuotaScripts.Reserve.EvaluateAsync(redis.GetDatabase(), keys, args))!;
        var kind = (string)result[0]!;
        return kind switch
        {
            "ok" => new ReservationResult(ReservationOutcome.Granted, (int)result[1], null, null),
            "rate" => new ReservationResult(ReservationOutcome.RateLimited, 0, (string)result[1]!, QuotaPeriods.NextMinute(now)),
            "quota" => Quota((string)result[1]!, now),
            _ => new ReservationResult(ReservationOutcome.Disabled, 0, (string)result[1]!, null),
        };
    }

    /// <summary>Replaces the reservation by the real usage; false when this reply was already settled.</summary>
    public async Task<SettleResult> SettleAsync(Guid reservationId, Guid tenantId, Guid userId, int tokens, decimal costUsd, DateTimeOffset occurredAt)
    {
        var now = clock.GetUtcNow();
        RedisKey[] keys =
        [
            QuotaKeys.Reservation(reservationId), QuotaKeys.ReservationIndex, QuotaKeys.Settled(reservationId),
            QuotaKeys.PlatformHourCost(now), QuotaKeys.UserDayTokens(tenantId, userId, occurredAt),
            QuotaKeys.TenantDayTokens(tenantId, occurredAt), QuotaKeys.TenantMonthCost(tenantId, occurredAt),
        ];
        RedisValue[] args =
        [
            tokens, Micros.FromUsd(costUsd), reservationId.ToString("N"), (long)SettledMarkerTtl.TotalSeconds,
            (long)DayKeyTtl.TotalSeconds, (long)MonthKeyTtl.TotalSeconds, (long)HourKeyTtl.TotalSeconds,
        ];
        var result = (RedisResult[])(await QuotaScripts.Settle.EvaluateAsync(redis.GetDatabase(), keys, args))!;
        return new SettleResult((int)result[0] == 1, Micros.ToUsd((long)result[1]), Micros.ToUsd((long)result[2]), (long)result[3], (long)result[4]);
    }

    /// <summary>Gives the reserved room back; false when there was nothing left to release.</summary>
    public async Task<bool> ReleaseAsync(Guid reservationId)
    {
        var result = await QuotaScripts.Release.EvaluateAsync(redis.GetDatabase(),
            [QuotaKeys.Reservation(reservationId), QuotaKeys.ReservationIndex], [reservationId.ToString("N")]);
        return (int)result == 1;
    }

    /// <summary>
    /// Lowers an open reservation's prompt tokens to <paramref name="promptTokens"/> (its output tokens stay); false when
    /// it held no more than that, or was already settled or released.
    /// </summary>
    public async Task<bool> TrimAsync(Guid reservationId, int promptTokens)
    {
        var result = await QuotaScripts.Trim.EvaluateAsync(redis.GetDatabase(), [QuotaKeys.Reservation(reservationId)], [promptTokens]);
        return (int)result == 1;
    }

    private static ReservationResult Quota(string limit, DateTimeOffset now) => new(ReservationOutcome.QuotaExceeded, 0, limit,
        limit == "tenant_monthly_budget" ? QuotaPeriods.NextMonth(now) : QuotaPeriods.NextDay(now));
}
