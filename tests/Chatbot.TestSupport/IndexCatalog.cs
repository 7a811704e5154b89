using Npgsql;

namespace Chatbot.TestSupport;

/// <summary>The key columns of every index of a table, in order, as PostgreSQL's catalog has them.</summary>
public static class IndexCatalog
{
    public static async Task<List<string[]>> KeyColumnsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT array_agg(a.attname::text ORDER BY k.ord)
            FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = @table::regclass
            GROUP BY i.indexrelid
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var indexes = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetFieldValue<string[]>(0));
        }
        return indexes;
    }

    /// <summary>Whether some index of <paramref name="table"/> starts with <paramref name="columns"/>, in that order.</summary>
    public static async Task<bool> HasIndexLedByAsync(string connectionString, string table, params string[] columns) =>
        (await KeyColumnsAsync(connectionString, table)).Any(index => index.Take(columns.Length).SequenceEqual(columns));
}
