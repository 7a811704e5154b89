using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>What the drills check in the services' own databases (as the server's superuser, so row-level security does not hide rows).</summary>
public sealed class DrillDatabases(DistributedApplication app)
{
    /// <summary>Assistant messages of these conversations: reply id → (status, provider). More than one per conversation is a duplicate.</summary>
    public async Task<List<(Guid ConversationId, Guid ReplyId, string Status, string? Provider)>> AssistantMessagesAsync(IEnumerable<Guid> conversationIds)
    {
        const string sql = "SELECT conversation_id, id, status, provider FROM messages WHERE role = 'assistant' AND conversation_id = ANY(@ids)";
        var rows = new List<(Guid, Guid, string, string?)>();
        await QueryAsync("chatdb", sql, conversationIds, reader =>
            rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))));
        return rows;
    }

    /// <summary>Ledger rows per reply id (billingdb <c>usage_entries</c>).</summary>
    public async Task<Dictionary<Guid, int>> LedgerRowsAsync(IEnumerable<Guid> replyIds)
    {
        const string sql = "SELECT reply_id, count(*)::int FROM usage_entries WHERE reply_id = ANY(@ids) GROUP BY reply_id";
        var rows = new Dictionary<Guid, int>();
        await QueryAsync("billingdb", sql, replyIds, reader => rows[reader.GetGuid(0)] = reader.GetInt32(1));
        return rows;
    }

    /// <summary>Input plus output tokens the ledger holds for one user since <paramref name="since"/>.</summary>
    public async Task<long> LedgerTokensAsync(Guid userId, DateTimeOffset since)
    {
        await using var connection = await OpenAsync("billingdb");
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(input_tokens + output_tokens), 0)::bigint FROM usage_entries WHERE user_id = @user AND occurred_at >= @since", connection);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task QueryAsync(string database, string sql, IEnumerable<Guid> ids, Action<NpgsqlDataReader> read)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }
}
