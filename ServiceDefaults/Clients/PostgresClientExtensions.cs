using Chatbot.ServiceDefaults.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresClientExtensions
{
    private const string Example = "Host=localhost;Port=5432;Database=chatdb;Username=postgres;Password=...";

    /// <summary>Registers a pooled DbContext for the Aspire connection string <paramref name="name"/> plus its readiness check.</summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var connectionString = ConnectionStringGuard.GetRequired(builder.Configuration, name, Example);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw ConnectionStringGuard.Malformed(name, "PostgreSQL connection string", ex);
        }
        // No EnableSensitiveDataLogging / EnableDetailedErrors: parameter values never reach the logs.
        builder.Services.AddDbContextPool<TContext>(o => o.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: name,
            tags: [ServiceDefaultsExtensions.ReadinessTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
