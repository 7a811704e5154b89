using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Chatbot.EndToEnd.Tests.Erasure;

/// <summary>The erasure saga over the real topology: nothing of the user is left anywhere, it is fast, and it resumes.</summary>
[Collection(ErasureSystemCollection.Name)]
public sealed class ErasureEndToEndTests(ErasureSystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] Expected =
    [
        "identity/users", "identity/tokens", "identity/api-keys", "identity/invitations", "identity/outbox",
        "chat/conversations", "chat/messages", "chat/account-exports", "chat/idempotency-keys", "chat/outbox",
        "chat/reply-streams", "chat/output-contexts", "chat/admin-audit", "moderation/review-items", "moderation/audit-entries",
        "billing/usage-ledger", "billing/user-limits", "inference-worker/redis-keys",
    ];

    [Fact]
    public async Task After_an_erasure_no_table_of_any_database_and_no_Redis_key_holds_the_users_id_email_or_words()
    {
        var (email, token, user) = await system.SignUpAsync();
        var secondAdmin = await system.SecondAdminAsync(user);
        // Letters only: a hex string would look like a secret to moderation and be masked before it is stored.
        var words = "zanzibarquokka" + string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (char)('a' + b % 26)));
        using var key = await user.PostAsJsonAsync("/api/tenant/api-keys", new { name = "erasure test key" });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        var conversation = await CreateConversationAsync(user);
        var replies = new List<Guid>();
        foreach (var turn in new[] { $"Tell me one fact about the {words}.", $"What does a {words} eat?" })
        {
            replies.Add(await SendAsync(user, conversation, turn));
        }
        await WaitForCompletedRepliesAsync(user, conversation, replies.Count);
        using var reported = await user.PostAsJsonAsync($"/api/replies/{replies[0]}/report", new { reason = $"it repeated {words}" });
        Assert.Equal(HttpStatusCode.Accepted, reported.StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await CountAsync("moderationdb", "SELECT count(*) FROM review_items WHERE user_id = @u", token.UserId) > 0),
            "the report never reached moderation's review queue");
        Assert.True(await Eventually.TrueAsync(async () => await CountAsync("billingdb", "SELECT count(*) FROM usage_entries WHERE user_id = @u", token.UserId) == 2),
            "the usage was never settled in billing");
        string[] needles = [token.UserId.ToString("D"), token.UserId.ToString("N"), email, words];
        Assert.NotEmpty(await StoreScanner.FindAsync(system.App, needles)); // the scan does find the user before the erasure

        using var deleted = await user.PostAsJsonAsync("/api/account/delete", new { password = ErasureSystemFixture.Password });
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        var receiptUrl = (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptUrl").GetString()!;
        var receipt = await ErasureSystemFixture.WaitForReceiptAsync(secondAdmin, receiptUrl, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", receipt.GetProperty("status").GetString());
        var lines = receipt.GetProperty("stores").EnumerateArray()
            .ToDictionary(l => $"{l.GetProperty("service").GetString()}/{l.GetProperty("store").GetString()}", l => l);
        Assert.Equal(Expected.Order(), lines.Keys.Order());
        Assert.Equal(2 + 2, lines["chat/messages"].GetProperty("count").GetInt64());
        Assert.Equal(2, lines["billing/usage-ledger"].GetProperty("count").GetInt64());
        Assert.Equal("pseudonymised", lines["billing/usage-ledger"].GetProperty("action").GetString());
        Assert.Equal(1, lines["identity/api-keys"].GetProperty("count").GetInt64());
        Assert.True(lines["moderation/review-items"].GetProperty("count").GetInt64() >= 1);
        Assert.True(lines["chat/reply-streams"].GetProperty("count").GetInt64() >= 2);
        var left = await StoreScanner.FindAsync(system.App, needles);
        Assert.True(left.Count == 0, "found after the erasure: " + string.Join(", ", left));
        Assert.Equal(2, await CountAsync("billingdb", "SELECT count(*) FROM usage_entries WHERE pseudonymised AND conversation_id = @u", conversation));
    }

    [Fact]
    public async Task Erasing_a_user_with_10000_messages_completes_within_60_seconds()
    {
        var (_, token, user) = await system.SignUpAsync();
        var secondAdmin = await system.SecondAdminAsync(user);
        await SeedMessagesAsync(token.TenantId, token.UserId, conversations: 50, messagesPerConversation: 200);

        var clock = Stopwatch.StartNew();
        using var deleted = await user.PostAsJsonAsync("/api/account/delete", new { password = ErasureSystemFixture.Password });
        var receiptUrl = (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptUrl").GetString()!;
        var receipt = await ErasureSystemFixture.WaitForReceiptAsync(secondAdmin, receiptUrl, TimeSpan.FromSeconds(60));
        clock.Stop();

        output.WriteLine($"erasure of 10,000 messages: completed in {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal("completed", receipt.GetProperty("status").GetString());
        var messages = receipt.GetProperty("stores").EnumerateArray().Single(l => l.GetProperty("store").GetString() == "messages");
        Assert.Equal(10_000, messages.GetProperty("count").GetInt64());
        Assert.Equal(0, await CountAsync("chatdb", "SELECT count(*) FROM messages WHERE user_id = @u", token.UserId));
    }

    [Fact]
    public async Task An_erasure_started_while_moderation_is_down_completes_once_moderation_is_back()
    {
        var (_, token, user) = await system.SignUpAsync();
        var secondAdmin = await system.SecondAdminAsync(user);
        await system.App.StopResourceAsync("moderation");
        var restarted = false;
        JsonElement waiting;
        try
        {
            using var deleted = await user.PostAsJsonAsync("/api/account/delete", new { password = ErasureSystemFixture.Password });
            var receiptUrl = (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptUrl").GetString()!;
            // Every other store reports; moderation's queue holds the request while no consumer runs.
            Assert.True(await Eventually.TrueAsync(async () =>
                (await secondAdmin.GetFromJsonAsync<JsonElement>(receiptUrl)).GetProperty("stores").GetArrayLength() == Expected.Length - 2),
                "the stores of the running services never reported");
            waiting = await secondAdmin.GetFromJsonAsync<JsonElement>(receiptUrl);
            await system.App.StartResourceAsync("moderation");
            restarted = true;
            var receipt = await ErasureSystemFixture.WaitForReceiptAsync(secondAdmin, receiptUrl, TimeSpan.FromSeconds(90));

            Assert.Equal("in_progress", waiting.GetProperty("status").GetString());
            Assert.Equal("completed", receipt.GetProperty("status").GetString());
            Assert.Contains(receipt.GetProperty("stores").EnumerateArray(), l => l.GetProperty("service").GetString() == "moderation");
        }
        finally
        {
            if (!restarted)
            {
                await system.App.StartResourceAsync("moderation");
            }
        }
    }

    private async Task SeedMessagesAsync(Guid tenantId, Guid userId, int conversations, int messagesPerConversation)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync("chatdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH c AS (
                INSERT INTO conversations (id, tenant_id, user_id, title, created_at, updated_at)
                SELECT gen_random_uuid(), @t, @u, 'seeded ' || i, now(), now() FROM generate_series(1, @conversations) i
                RETURNING id)
            INSERT INTO messages (id, tenant_id, user_id, conversation_id, role, content, status, created_at)
            SELECT gen_random_uuid(), @t, @u, c.id, CASE WHEN j % 2 = 0 THEN 'assistant' ELSE 'user' END,
                   'seeded message ' || j, 'completed', now()
            FROM c CROSS JOIN generate_series(1, @perConversation) j
            """, connection);
        command.Parameters.AddWithValue("t", tenantId);
        command.Parameters.AddWithValue("u", userId);
        command.Parameters.AddWithValue("conversations", conversations);
        command.Parameters.AddWithValue("perConversation", messagesPerConversation);
        Assert.Equal(conversations * messagesPerConversation, await command.ExecuteNonQueryAsync());
    }

    private async Task<long> CountAsync(string database, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("u", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Guid> CreateConversationAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/conversations", new { title = "erasure" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> SendAsync(HttpClient client, Guid conversation, string content)
    {
        using var sent = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        return (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetGuid();
    }

    private static async Task WaitForCompletedRepliesAsync(HttpClient client, Guid conversation, int replies)
    {
        var seen = "";
        var completed = await Eventually.TrueAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/messages?limit=100");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            seen = string.Join(", ", items.Select(m => $"{m.GetProperty("role").GetString()}:{m.GetProperty("status").GetString()}"));
            return items.Count(m => m.GetProperty("role").GetString() == "assistant" && m.GetProperty("status").GetString() == "completed") == replies;
        }, TimeSpan.FromSeconds(60));
        Assert.True(completed, $"the replies were never completed; messages: {seen}");
    }
}
