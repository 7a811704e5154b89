using Chatbot.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Migrations run once, before a service takes traffic: the AppHost (or a deploy job) starts the service
/// with <c>--migrate</c>, which applies every registered migration and exits. Normal starts never migrate.
/// </summary>
public static class MigrationExtensions
{
    public const string MigrateArgument = "--migrate";

    public static IHostApplicationBuilder AddMigration<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddSingleton<IDatabaseMigrator, DatabaseMigrator<TContext>>();
        return builder;
    }

    /// <summary>Runs the app, or with <c>--migrate</c> on the command line applies migrations and returns.</summary>
    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(MigrateArgument))
        {
            await app.RunAsync();
            return;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        foreach (var migrator in app.Services.GetServices<IDatabaseMigrator>())
        {
            await migrator.MigrateAsync(app.Services, CancellationToken.None);
            logger.LogInformation("Applied migrations for {Context}", migrator.Name);
        }
    }
}
