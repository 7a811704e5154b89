using Npgsql;

namespace Chatbot.TestSupport;

/// <summary>
/// What a service's application role sees of one tenant-scoped table, asked over a connection of the migrating user
/// (which may act as the role): the rows of a tenant with no tenant set, with that tenant, with another; how many of them
/// an UPDATE reaches; and whether a copy of one of the tenant's rows moved to another tenant can be inserted.
/// </summary>
public sealed class RowLevelSecurityProbe(string connectionString, string role, string tenantColumn = "tenant_id")
{
    /// <summary>Rows of <paramref name="owner"/> in <paramref name="table"/> seen as the role with <paramref name="actingFor"/> in app.tenant_id.</summary>
    public async Task<long> CountAsync(string table, Guid owner, Guid? actingFor)
    {
        await using var connection = await OpenAsync(actingFor);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {tenantColumn} = @owner", connection);
        count.Parameters.AddWithValue("owner", owner);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Rows of <paramref name="owner"/> in <paramref name="table"/> an UPDATE reaches as the role with <paramref name="actingFor"/>
    /// in app.tenant_id (it sets the tenant column to itself, so nothing changes where it does reach).
    /// </summary>
    public async Task<int> UpdateCountAsync(string table, Guid owner, Guid? actingFor)
    {
        await using var connection = await OpenAsync(actingFor);
        await using var update = new NpgsqlCommand($"UPDATE {table} SET {tenantColumn} = {tenantColumn} WHERE {tenantColumn} = @owner", connection);
        update.Parameters.AddWithValue("owner", owner);
        return await update.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Copies one of <paramref name="owner"/>'s rows, gives it <paramref name="target"/> as tenant (and a fresh
    /// <paramref name="key"/> unless the key is tenant_id), and inserts it as the role acting for <paramref name="actingFor"/>: the PostgreSQL error
    /// code, or null when the insert went through. The copy keeps its identity column values (OVERRIDING SYSTEM VALUE), so
    /// row-level security, which PostgreSQL checks before unique indexes, is what refuses it.
    /// </summary>
    public async Task<string?> InsertCopyAsync(string table, string key, Guid owner, Guid target, Guid? actingFor)
    {
        await using var connection = await OpenAsync(null, asRole: false);
        await using var copy = new NpgsqlCommand($"""
            CREATE TEMP TABLE probe_row AS SELECT * FROM {table} WHERE {tenantColumn} = @owner LIMIT 1;
            UPDATE probe_row SET {tenantColumn} = @target{(key == tenantColumn ? string.Empty : $", {key} = gen_random_uuid()")};
            GRANT SELECT ON probe_row TO {role};
            """, connection);
        copy.Parameters.AddWithValue("owner", owner);
        copy.Parameters.AddWithValue("target", target);
        await copy.ExecuteNonQueryAsync();
        await SetAsync(connection, actingFor);
        try
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {table} OVERRIDING SYSTEM VALUE SELECT * FROM probe_row", connection);
            return await insert.ExecuteNonQueryAsync() == 1 ? null : "no row";
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(Guid? actingFor, bool asRole = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        if (asRole)
        {
            await SetAsync(connection, actingFor);
        }
        return connection;
    }

    private async Task SetAsync(NpgsqlConnection connection, Guid? actingFor)
    {
        await using var set = new NpgsqlCommand($"SET ROLE {role}; SET app.tenant_id = '{actingFor?.ToString("D") ?? string.Empty}'", connection);
        await set.ExecuteNonQueryAsync();
    }
}
