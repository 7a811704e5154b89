using Npgsql;
using NpgsqlTypes;

namespace Chatbot.Search.Benchmarks;

/// <summary>
/// One tenant's users, conversations and messages written with binary COPY as the superuser (which row-level security
/// does not apply to). The messages' search index is dropped for the load and created again from its own definition
/// (as a bulk load into a new table would do); everything else stays as the migrations made it.
/// </summary>
internal static class SearchSeeder
{
    private const string MessageSearchIndex = "ix_messages_user_id_search_vector";

    public static async Task SeedAsync(string chatDb, Guid tenant, IReadOnlyList<Guid> users, int conversationsPerUser,
        int messagesPerConversation, SearchCorpus corpus)
    {
        // No command timeout: COPY's completion waits for the server to compute every row's search vector.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(chatDb) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var indexDefinition = (string)(await Scalar(connection, $"SELECT indexdef FROM pg_indexes WHERE indexname = '{MessageSearchIndex}'"))!;
        await Scalar(connection, $"DROP INDEX {MessageSearchIndex}");
        var start = DateTimeOffset.UtcNow.AddDays(-90);
        var conversations = new List<(Guid Id, Guid User, DateTimeOffset At)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY conversations (id, tenant_id, user_id, title, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var user in users)
            {
                for (var i = 0; i < conversationsPerUser; i++)
                {
                    var at = start.AddMinutes(corpus.Next(60 * 24 * 80));
                    var id = Guid.CreateVersion7(at);
                    conversations.Add((id, user, at));
                    await copy.WriteRowAsync(default, id, tenant, user, corpus.Sentence(2, 5), at, at);
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY messages (id, tenant_id, user_id, conversation_id, role, content, status, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (conversation, user, at) in conversations)
            {
                for (var i = 0; i < messagesPerConversation; i++)
                {
                    var created = at.AddSeconds(i * 30);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(created), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(user, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(conversation, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(i % 2 == 0 ? "user" : "assistant", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(i % 2 == 0 ? corpus.Sentence(4, 20) : corpus.Sentence(15, 45), NpgsqlDbType.Text);
                    await copy.WriteAsync("completed", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                }
            }
            await copy.CompleteAsync();
        }
        await Scalar(connection, "SET maintenance_work_mem = '256MB'");
        await Scalar(connection, indexDefinition);
        await Scalar(connection, "VACUUM ANALYZE conversations");
        await Scalar(connection, "VACUUM ANALYZE messages");
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync();
    }
}
