using Chatbot.Aspire.Testing;
using Npgsql;
using StackExchange.Redis;

namespace Chatbot.EndToEnd.Tests.Erasure;

/// <summary>
/// Looks for strings everywhere the system keeps data: every text, uuid, json and array column of every table in the
/// four databases (found through information_schema, so a table added later is scanned too), and every Redis key's name
/// and value (SCAN, then the value read by its type). Returns where each string was found.
/// </summary>
public static class StoreScanner
{
    public static readonly string[] Databases = ["identitydb", "chatdb", "moderationdb", "billingdb"];

    public static async Task<List<string>> FindAsync(DistributedApplication app, IReadOnlyCollection<string> needles)
    {
        var found = new List<string>();
        foreach (var database in Databases)
        {
            found.AddRange(await ScanDatabaseAsync(database, (await app.GetConnectionStringAsync(database))!, needles));
        }
        found.AddRange(await ScanRedisAsync((await app.GetConnectionStringAsync("redis"))!, needles));
        return found;
    }

    private static async Task<List<string>> ScanDatabaseAsync(string database, string connectionString, IReadOnlyCollection<string> needles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND (c.data_type IN ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb', 'bytea') OR c.data_type = 'ARRAY')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            var sql = $"""SELECT count(*) FROM "{schema}"."{table}" WHERE "{column}"::text ILIKE ANY(@patterns)""";
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("patterns", needles.Select(n => $"%{n}%").ToArray());
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{database}.{schema}.{table}.{column}");
            }
        }
        return found;
    }

    private static async Task<List<string>> ScanRedisAsync(string connectionString, IReadOnlyCollection<string> needles)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var database = redis.GetDatabase();
        var found = new List<string>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 1000))
            {
                var text = (string)key! + "\n" + await ValueOfAsync(database, key);
                if (needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"redis:{key}");
                }
            }
        }
        return found;
    }

    private static async Task<string> ValueOfAsync(IDatabase database, RedisKey key) => await database.KeyTypeAsync(key) switch
    {
        RedisType.String => (string?)await database.StringGetAsync(key) ?? "",
        RedisType.Hash => string.Join("\n", (await database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
        RedisType.List => string.Join("\n", (await database.ListRangeAsync(key)).Select(v => (string?)v)),
        RedisType.Set => string.Join("\n", (await database.SetMembersAsync(key)).Select(v => (string?)v)),
        RedisType.SortedSet => string.Join("\n", (await database.SortedSetRangeByRankAsync(key)).Select(v => (string?)v)),
        RedisType.Stream => string.Join("\n", (await database.StreamRangeAsync(key)).SelectMany(e => e.Values).Select(v => $"{v.Name}={v.Value}")),
        _ => "",
    };
}
