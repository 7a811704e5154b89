using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>Applies one DbContext's pending EF Core migrations. Registered by <c>AddMigration&lt;TContext&gt;()</c>.</summary>
public interface IDatabaseMigrator
{
    string Name { get; }
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class DatabaseMigrator<TContext> : IDatabaseMigrator where TContext : DbContext
{
    public string Name => typeof(TContext).Name;

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
