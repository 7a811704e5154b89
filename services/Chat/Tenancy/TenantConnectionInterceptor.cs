using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chatbot.Chat.Tenancy;

/// <summary>
/// Every connection the service uses runs as the NOLOGIN role <c>chat_app</c> with the tenant of the current flow in
/// <c>app.tenant_id</c>, so PostgreSQL row-level security applies even when the connection string names a superuser or
/// the table owner; with no tenant the setting is empty and tenant-scoped tables return nothing.
/// The settings are applied when a connection opens and again before any command whose flow acts for another tenant
/// than the one last applied on that connection (a connection kept open across flows never leaks a tenant).
/// Npgsql resets session state (DISCARD ALL) when a pooled physical connection is reused.
/// Only the <c>--migrate</c> run skips this: migrations create the role and the policies.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor
{
    public const string Role = "chat_app";
    public const string TenantSetting = "app.tenant_id";

    private readonly bool enabled = !Environment.GetCommandLineArgs().Contains(MigrationExtensions.MigrateArgument);
    private readonly ConditionalWeakTable<DbConnection, AppliedTenant> applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default) => ApplyAsync(connection, cancellationToken);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        EnsureCurrent(command.Connection);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnsureCurrent(command.Connection);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnsureCurrent(command.Connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command.Connection, cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command.Connection, cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command.Connection, cancellationToken);
        return result;
    }

    private void EnsureCurrent(DbConnection? connection)
    {
        if (connection is not null && IsStale(connection))
        {
            Apply(connection);
        }
    }

    private Task EnsureCurrentAsync(DbConnection? connection, CancellationToken ct) =>
        connection is not null && IsStale(connection) ? ApplyAsync(connection, ct) : Task.CompletedTask;

    private bool IsStale(DbConnection connection) =>
        enabled && (!applied.TryGetValue(connection, out var tenant) || tenant.TenantId != TenantContext.TenantId);

    private void Apply(DbConnection connection)
    {
        if (enabled)
        {
            using var command = CreateCommand(connection, out var tenant);
            command.ExecuteNonQuery();
            applied.AddOrUpdate(connection, new AppliedTenant(tenant));
        }
    }

    private async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        if (enabled)
        {
            await using var command = CreateCommand(connection, out var tenant);
            await command.ExecuteNonQueryAsync(ct);
            applied.AddOrUpdate(connection, new AppliedTenant(tenant));
        }
    }

    /// <summary>SET cannot take parameters; the value is a formatted Guid (or empty), never caller text.</summary>
    private static DbCommand CreateCommand(DbConnection connection, out Guid? tenant)
    {
        tenant = TenantContext.TenantId;
        var command = connection.CreateCommand();
        command.CommandText = $"SET ROLE {Role}; SET {TenantSetting} = '{tenant?.ToString("D") ?? string.Empty}';";
        return command;
    }

    private sealed record AppliedTenant(Guid? TenantId);
}
