using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>
/// Runs <c>SELECT 1</c> every probe interval on one dedicated (unpooled) connection kept open between probes, and
/// reports to <see cref="DatabaseAvailability"/>. A failed probe on the kept connection is retried at once on a fresh
/// one, so a server that restarted is not reported down; only when that fails too is the database unavailable.
/// Keeping the connection saves the server a new backend per probe (one per second per database per instance).
/// </summary>
public sealed partial class DatabaseAvailabilityProbe(string database, string connectionString, DatabaseAvailability availability,
    IOptions<DatabaseAvailabilityOptions> options, ILogger<DatabaseAvailabilityProbe> logger) : BackgroundService
{
    private NpgsqlConnection? connection;

    /// <summary>The probe's connection shows in <c>pg_stat_activity</c> under this name.</summary>
    public static string ApplicationNameFor(string database) => $"availability-probe:{database}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var probe = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, Timeout = o.ProbeTimeoutSeconds, CommandTimeout = o.ProbeTimeoutSeconds,
            ApplicationName = ApplicationNameFor(database),
        }.ConnectionString;
        using var timer = new PeriodicTimer(o.ProbeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var reused = connection is not null;
                var succeeded = await ProbeAsync(probe, o.ProbeTimeoutSeconds, stoppingToken)
                    || (reused && await ProbeAsync(probe, o.ProbeTimeoutSeconds, stoppingToken));
                if (availability.Report(database, succeeded))
                {
                    if (succeeded) LogAvailable(database);
                    else LogUnavailable(database);
                }
            }
        }
        finally
        {
            await DropConnectionAsync();
        }
    }

    private async Task<bool> ProbeAsync(string connectionString, int timeoutSeconds, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            if (connection is null)
            {
                connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(timeout.Token);
            }
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException
            or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            await DropConnectionAsync();
            return false;
        }
    }

    private async Task DropConnectionAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Database} stopped answering; requests that need it answer 503 until it is back")]
    private partial void LogUnavailable(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} answers again")]
    private partial void LogAvailable(string database);
}
