using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class PostgresClientExtensions
{
    /// <summary>Registers a pooled DbContext for the Aspire connection string <paramref name="name"/> plus its readiness check.</summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not set.");
        builder.Services.AddDbContextPool<TContext>(o => o.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: name, tags: [ServiceDefaultsExtensions.ReadinessTag]);
        return builder;
    }
}
