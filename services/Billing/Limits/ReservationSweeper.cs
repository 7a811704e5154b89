using Chatbot.Billing.Quotas;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.Limits;

/// <summary>Gives back reservations whose reply never settled nor failed in time (a lost message, a dead chat replica).</summary>
public sealed class ReservationSweeper(IConnectionMultiplexer redis, QuotaReservations quotas, IOptions<BillingOptions> options,
    TimeProvider clock, ILogger<ReservationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var released = await SweepAsync();
                if (released > 0)
                {
                    BillingLog.ReservationsExpired(logger, released);
                }
            }
            catch (RedisException ex)
            {
                BillingLog.SweepFailed(logger, ex);
            }
        }
    }

    public async Task<int> SweepAsync()
    {
        var due = await redis.GetDatabase().SortedSetRangeByScoreAsync(QuotaKeys.ReservationIndex, double.NegativeInfinity,
            clock.GetUtcNow().ToUnixTimeMilliseconds(), take: 500);
        var released = 0;
        foreach (var id in due)
        {
            if (Guid.TryParseExact((string)id!, "N", out var reservationId) && await quotas.ReleaseAsync(reservationId))
            {
                released++;
            }
        }
        return released;
    }
}
