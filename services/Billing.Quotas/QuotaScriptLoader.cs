using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chatbot.Billing.Quotas;

/// <summary>
/// <c>SCRIPT LOAD</c>s the quota scripts on every Redis primary before the host takes traffic, so even the first
/// reservation is a plain <c>EVALSHA</c>. Best effort: an unreachable server only means the first call falls back to EVAL.
/// </summary>
internal sealed partial class QuotaScriptLoader(IConnectionMultiplexer redis, ILogger<QuotaScriptLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                foreach (var script in QuotaScripts.All)
                {
                    await server.ScriptLoadAsync(script.Text);
                }
            }
        }
        catch (RedisException ex)
        {
            LogPreloadFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "Preloading the quota scripts failed; the first call of each will send the script text")]
    private static partial void LogPreloadFailed(ILogger logger, Exception exception);
}
