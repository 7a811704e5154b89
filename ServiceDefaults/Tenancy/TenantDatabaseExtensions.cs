using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service's tenant-scoped database: the pooled DbContext of <see cref="PostgresClientExtensions.AddNpgsqlDbContext{TContext}"/>
/// whose connections run as <paramref name="role"/> (a NOLOGIN role its migrations create, never the table owner) with
/// the flow's <see cref="TenantContext"/> in <c>app.tenant_id</c>, so PostgreSQL row-level security applies to every query.
/// </summary>
public static class TenantDatabaseExtensions
{
    public static IHostApplicationBuilder AddTenantNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string name, string role)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(name, b => TenantConnectionInterceptor.ConfigureConnection(b, role));
        var interceptor = new TenantConnectionInterceptor(role);
        builder.Services.ConfigureDbContext<TContext>(o => o.AddInterceptors(interceptor));
        return builder;
    }
}
