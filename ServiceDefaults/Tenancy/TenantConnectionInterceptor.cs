using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// Every connection of a service's DbContext runs as the service's NOLOGIN application role (<c>chat_app</c>,
/// <c>moderation_app</c>, <c>billing_app</c>, <c>identity_app</c>: see <see cref="TenantDatabaseExtensions"/>) with the tenant of the current flow in
/// <c>app.tenant_id</c>, so PostgreSQL row-level security applies even when the connection string names a superuser or
/// the table owner; with no tenant the setting is empty and tenant-scoped tables return nothing.
/// <para>
/// The role and an empty tenant are session defaults sent when a physical connection starts
/// (<see cref="ConfigureConnection"/>): the pool's reset on reuse (RESET ALL) returns to them, so an opened connection
/// needs no round trip. A flow's tenant is then prepended to its first query or bulk statement
/// (<c>SET app.tenant_id = ...;</c> in the same implicit transaction), only from the empty setting and outside an
/// explicit transaction: if that command fails, PostgreSQL rolls the SET back to empty, which shows nothing (fail
/// closed), never another tenant. Any other change
/// (another tenant on a connection kept open, inside a transaction, after a failure or a rollback) is its own round
/// trip before the command, as is everything on a connection string without those defaults.
/// </para>
/// Only the <c>--migrate</c> run skips all this: migrations create the role and the policies.
/// </summary>
public sealed class TenantConnectionInterceptor(string role) : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string TenantSetting = "app.tenant_id";
    private readonly string startupOptions = StartupOptions(role);

    private static readonly bool Enabled = !Environment.GetCommandLineArgs().Contains(MigrationExtensions.MigrateArgument);
    private readonly ConditionalWeakTable<DbConnection, SessionTenant> sessions = new();
    private readonly ConcurrentDictionary<string, bool> startsAsApp = new();

    /// <summary>A service's connection string: the role and the empty tenant as session defaults (not for <c>--migrate</c>).</summary>
    public static void ConfigureConnection(NpgsqlConnectionStringBuilder builder, string role)
    {
        if (!Enabled)
        {
            return;
        }
        var options = StartupOptions(role);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? options : $"{builder.Options} {options}";
        builder.NoResetOnClose = false; // the reset is what brings a reused connection back to the defaults
    }

    private static string StartupOptions(string role) => $"-c role={role} -c {TenantSetting}=";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Enabled && !startsAsApp.ContainsKey(connection.ConnectionString))
        {
            using var check = CurrentUserCommand(connection);
            startsAsApp[connection.ConnectionString] = check is not null && Equals(check.ExecuteScalar(), role);
        }
        Run(connection, Opened(connection));
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Enabled && !startsAsApp.ContainsKey(connection.ConnectionString))
        {
            await using var check = CurrentUserCommand(connection);
            startsAsApp[connection.ConnectionString] = check is not null && Equals(await check.ExecuteScalarAsync(cancellationToken), role);
        }
        await RunAsync(connection, Opened(connection), cancellationToken);
    }

    /// <summary>
    /// Once per connection string: whether the server applied the session defaults (a proxy such as PgBouncer may drop
    /// startup options); until then, and if not, the role is set with the tenant at every open.
    /// </summary>
    private DbCommand? CurrentUserCommand(DbConnection connection)
    {
        if (!HasStartupOptions(connection.ConnectionString))
        {
            return null;
        }
        var command = connection.CreateCommand();
        command.CommandText = "SELECT current_user::text";
        return command;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Run(command.Connection, Prepare(command, eventData.CommandSource));
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Run(command.Connection, Prepare(command, eventData.CommandSource));
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Run(command.Connection, Prepare(command, eventData.CommandSource));
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command.Connection, Prepare(command, eventData.CommandSource), cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command.Connection, Prepare(command, eventData.CommandSource), cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command.Connection, Prepare(command, eventData.CommandSource), cancellationToken);
        return result;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Executed(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Executed(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Executed(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(command.Connection);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Forget(command.Connection);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(command.Connection);

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget(transaction.Connection);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        CancellationToken cancellationToken = default) =>
        ForgetAsync(transaction.Connection);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(transaction.Connection);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) =>
        ForgetAsync(transaction.Connection);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(transaction.Connection);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default) =>
        ForgetAsync(transaction.Connection);

    /// <summary>A just-opened connection: at its session defaults, or (without them) role and tenant to set.</summary>
    private TenantChange? Opened(DbConnection connection)
    {
        if (!Enabled)
        {
            return null;
        }
        var session = sessions.GetValue(connection, _ => new SessionTenant());
        if (StartsAsApp(connection))
        {
            session.Known(null);
            return null;
        }
        return new TenantChange(session, TenantContext.TenantId, role);
    }

    /// <summary>Null when the command may run as it is (or now carries the SET); otherwise the change to make first.</summary>
    private TenantChange? Prepare(DbCommand command, CommandSource source)
    {
        if (!Enabled || command.Connection is not { } connection)
        {
            return null;
        }
        var session = sessions.GetValue(connection, _ => new SessionTenant());
        var tenant = TenantContext.TenantId;
        if (session.IsKnown && session.Tenant == tenant)
        {
            return null;
        }
        if (session.IsKnown && session.Tenant is null && command.Transaction is null && CanCarrySet(source))
        {
            command.CommandText = $"{SetTenantSql(tenant)}{command.CommandText}";
            session.Pending(tenant);
            return null;
        }
        return new TenantChange(session, tenant, StartsAsApp(connection) ? null : role);
    }

    private static void Run(DbConnection? connection, TenantChange? change)
    {
        if (connection is null || change is null)
        {
            return;
        }
        using var command = change.CreateCommand(connection);
        command.ExecuteNonQuery();
        change.Applied();
    }

    private static async Task RunAsync(DbConnection? connection, TenantChange? change, CancellationToken ct)
    {
        if (connection is null || change is null)
        {
            return;
        }
        await using var command = change.CreateCommand(connection);
        await command.ExecuteNonQueryAsync(ct);
        change.Applied();
    }

    /// <summary>
    /// Queries (the reader skips the SET, which returns no rows) and bulk statements (their count adds the SET's zero);
    /// not SaveChanges, which matches each statement's result to the change it made.
    /// </summary>
    private static bool CanCarrySet(CommandSource source) => source is CommandSource.LinqQuery or CommandSource.FromSqlQuery
        or CommandSource.ExecuteSqlRaw or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete;

    private void Executed(DbCommand command)
    {
        if (command.Connection is { } connection && sessions.TryGetValue(connection, out var session))
        {
            session.Confirm();
        }
    }

    /// <summary>The session's setting may differ from what was recorded: the next command sets it in a round trip of its own.</summary>
    private Task ForgetAsync(DbConnection? connection)
    {
        Forget(connection);
        return Task.CompletedTask;
    }

    private void Forget(DbConnection? connection)
    {
        if (connection is not null && sessions.TryGetValue(connection, out var session))
        {
            session.Unknown();
        }
    }

    /// <summary>SET cannot take parameters; the value is a formatted Guid (or empty), never caller text.</summary>
    internal static string SetTenantSql(Guid? tenant) => $"SET {TenantSetting} = '{tenant?.ToString("D") ?? string.Empty}';";

    private bool StartsAsApp(DbConnection connection) => startsAsApp.GetValueOrDefault(connection.ConnectionString);

    private bool HasStartupOptions(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) is { NoResetOnClose: false, Options: { } options }
        && options.Contains(startupOptions, StringComparison.Ordinal);
}
