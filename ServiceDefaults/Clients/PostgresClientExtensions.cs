using Chatbot.ServiceDefaults.Clients;
using Chatbot.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresClientExtensions
{
    private const string Example = "Host=localhost;Port=5432;Database=chatdb;Username=postgres;Password=...";

    /// <summary>
    /// Registers a pooled DbContext for the Aspire connection string <paramref name="name"/> plus its readiness check;
    /// the string gets <see cref="PostgresConnectionDefaults"/>, then <paramref name="configure"/> (a service's own settings).
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string name,
        Action<NpgsqlConnectionStringBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = ConnectionStringGuard.GetRequired(builder.Configuration, name, Example);
        try
        {
            connectionString = PostgresConnectionDefaults.Apply(connectionString, configure);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw ConnectionStringGuard.Malformed(name, "PostgreSQL connection string", ex);
        }
        // A hung or stopped server makes requests answer 503 at once (probe + interceptor) instead of after Npgsql's timeouts.
        builder.AddValidatedOptions<DatabaseAvailabilityOptions>(DatabaseAvailabilityOptions.Section);
        builder.Services.TryAddSingleton<DatabaseAvailability>();
        builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<DatabaseAvailabilityProbe>(sp, name, connectionString));
        // No EnableSensitiveDataLogging / EnableDetailedErrors: parameter values never reach the logs.
        builder.Services.AddDbContextPool<TContext>((sp, o) => o.UseNpgsql(connectionString)
            .AddInterceptors(new DatabaseAvailabilityInterceptor(sp.GetRequiredService<DatabaseAvailability>(), name)));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: name,
            tags: [ServiceDefaultsExtensions.ReadinessTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
