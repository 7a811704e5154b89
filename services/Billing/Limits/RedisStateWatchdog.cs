using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Limits;

/// <summary>
/// Redis may restart empty (or be flushed) while billing runs: without this, chat would reserve against the fallback
/// plans and counters starting at zero until billing restarted. Every <see cref="BillingOptions.StateCheckInterval"/>
/// it checks the state marker and, when it is gone, republishes limits and rebuilds the counters from the ledger.
/// </summary>
public sealed class RedisStateWatchdog(RedisStateRestorer restorer, IOptions<BillingOptions> options, TimeProvider clock,
    ILogger<RedisStateWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StateCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!await restorer.IsPresentAsync())
                {
                    BillingLog.StateLost(logger);
                    await restorer.RestoreAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Redis or PostgreSQL still down: never let the check stop the host; try again next tick.
                BillingLog.StateCheckFailed(logger, ex);
            }
        }
    }
}
