using System.Text.Json;
using Chatbot.Chat.Data;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Turns;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// The history a send reads (<see cref="TurnContextQuery"/>) comes in order from an index and stops at the limit: a long
/// conversation does not make every send read and sort all its messages. The plan is the one the service gets: its
/// context and connection (chat_app, tenant set, ServiceDefaults' generic plans), on statistics where most
/// conversations are short.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class HistoryQueryPlanTests(ChatFixture fixture)
{
    private const int HistoryLimit = 50;

    private const string ExplainAsSuperuser = $"""
        SET ROLE NONE;
        LOAD 'auto_explain';
        SET auto_explain.log_min_duration = 0;
        SET auto_explain.log_analyze = on;
        SET auto_explain.log_format = json;
        SET auto_explain.log_level = notice;
        SET ROLE {ChatTenancy.Role};
        """;

    [Fact]
    public async Task A_send_in_a_long_conversation_reads_only_the_history_it_keeps()
    {
        var user = TestUser.NewTenant();
        var conversation = await fixture.Chat.CreateClient(user).CreateConversationAsync();
        await InsertCompletedMessagesAsync(user, conversation.Id, count: 400);
        await InsertShortConversationsAsync(user, conversations: 2000, messagesEach: 4);
        await AnalyzeMessagesAsync();

        // The service's own context (a compiled query belongs to one model): its connection runs as chat_app with the
        // tenant set and generic plans, as in a request. auto_explain is loaded as the session's superuser, then the
        // role goes back to chat_app; the plans come back as notices.
        var plans = new List<string>();
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        using var tenant = TenantContext.Enter(user.TenantId);
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await db.Database.ExecuteSqlRawAsync(ExplainAsSuperuser);

        TurnContext? turn;
        try
        {
            turn = await TurnContextQuery.LoadAsync(db, conversation.Id, user.TenantId, user.UserId, HistoryLimit, CancellationToken.None);
        }
        finally
        {
            NpgsqlConnection.ClearPool(connection); // no pooled connection keeps auto_explain loaded
        }

        Assert.Equal(HistoryLimit, turn!.History.Count);
        var messageScans = plans.SelectMany(PlanNodes).Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "messages").ToList();
        Assert.NotEmpty(messageScans);
        Assert.All(messageScans, scan =>
        {
            var rowsRead = scan.GetProperty("Actual Rows").GetDouble() * scan.GetProperty("Actual Loops").GetDouble();
            Assert.True(rowsRead <= HistoryLimit, $"{scan.GetProperty("Node Type")} read {rowsRead} messages for a history of {HistoryLimit}");
        });
    }

    private Task InsertCompletedMessagesAsync(TestUser user, Guid conversationId, int count) => ExecuteAsync("""
        INSERT INTO messages (id, tenant_id, user_id, conversation_id, role, content, status, created_at, completed_at)
        SELECT gen_random_uuid(), $1, $2, $3, CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END, 'message ' || i, 'completed',
               now() - make_interval(secs => $4 - i), now() - make_interval(secs => $4 - i)
        FROM generate_series(1, $4) AS i
        """, user.TenantId, user.UserId, conversationId, count);

    /// <summary>What most of a service's conversations look like: a few messages each.</summary>
    private Task InsertShortConversationsAsync(TestUser user, int conversations, int messagesEach) => ExecuteAsync("""
        WITH created AS (
            INSERT INTO conversations (id, tenant_id, user_id, title, created_at, updated_at)
            SELECT gen_random_uuid(), $1, $2, 'short', now(), now() FROM generate_series(1, $3)
            RETURNING id)
        INSERT INTO messages (id, tenant_id, user_id, conversation_id, role, content, status, created_at, completed_at)
        SELECT gen_random_uuid(), $1, $2, created.id, 'user', 'hello', 'completed', now(), now()
        FROM created, generate_series(1, $4)
        """, user.TenantId, user.UserId, conversations, messagesEach);

    /// <summary>Statistics as the service's planner sees them: many short conversations and one long one.</summary>
    private Task AnalyzeMessagesAsync() => ExecuteAsync("ANALYZE messages");

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.Infra.ChatDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(value => new NpgsqlParameter { Value = value }).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<JsonElement> PlanNodes(string autoExplainText)
    {
        var json = autoExplainText[autoExplainText.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return Walk(document.RootElement.GetProperty("Plan").Clone());

        static IEnumerable<JsonElement> Walk(JsonElement node)
        {
            yield return node;
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray().SelectMany(Walk))
                {
                    yield return child;
                }
            }
        }
    }
}
