using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Chatbot.Chat.Tenancy;

/// <summary>
/// Every connection the service opens switches to the NOLOGIN role <c>chat_app</c> and carries the tenant of the
/// current flow in <c>app.tenant_id</c>, so PostgreSQL row-level security applies even when the connection string
/// names a superuser or the table owner. With no tenant the setting is empty and tenant-scoped tables return nothing.
/// Npgsql resets session state (DISCARD ALL) when a pooled connection is reused; the settings are set again on each open.
/// Only the <c>--migrate</c> run skips this: migrations create the role and the policies.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public const string Role = "chat_app";
    public const string TenantSetting = "app.tenant_id";
    private const string Sql = $"SET ROLE {Role}; SELECT set_config('{TenantSetting}', @tenant, false);";

    private readonly bool enabled = !Environment.GetCommandLineArgs().Contains(MigrationExtensions.MigrateArgument);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (enabled)
        {
            using var command = CreateCommand(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (enabled)
        {
            await using var command = CreateCommand(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.Add(new NpgsqlParameter("tenant", TenantContext.TenantId?.ToString() ?? string.Empty));
        return command;
    }
}
