using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>Runs <c>SELECT 1</c> on a fresh (unpooled) connection every probe interval and reports to <see cref="DatabaseAvailability"/>.</summary>
public sealed partial class DatabaseAvailabilityProbe(string database, string connectionString, DatabaseAvailability availability,
    IOptions<DatabaseAvailabilityOptions> options, ILogger<DatabaseAvailabilityProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var probe = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, Timeout = o.ProbeTimeoutSeconds, CommandTimeout = o.ProbeTimeoutSeconds,
        }.ConnectionString;
        using var timer = new PeriodicTimer(o.ProbeInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var succeeded = await ProbeAsync(probe, o.ProbeTimeoutSeconds, stoppingToken);
            if (availability.Report(database, succeeded))
            {
                if (succeeded) LogAvailable(database);
                else LogUnavailable(database);
            }
        }
    }

    private static async Task<bool> ProbeAsync(string connectionString, int timeoutSeconds, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Database} stopped answering; requests that need it answer 503 until it is back")]
    private partial void LogUnavailable(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} answers again")]
    private partial void LogAvailable(string database);
}
