using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Api;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.TestSupport;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.EndToEnd;

/// <summary>Full turns through identity tokens, chat, RabbitMQ, the inference worker (simulator) and Redis streams.</summary>
[Collection(ChatSystemCollection.Name)]
public sealed class ChatTurnEndToEndTests(ChatSystemFixture system)
{
    [Fact]
    public async Task Full_turn_streams_the_reply_and_stores_it_with_model_usage_and_prompt_version()
    {
        var client = await system.SignUpAsync();
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "Tell me about streams.");

        var events = await client.ReadEventsAsync(sent.StreamUrl, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal("done", events[^1].Type);
        var text = Concatenate(events);
        Assert.NotEmpty(text);
        using var done = JsonDocument.Parse(events[^1].Data);
        Assert.Equal("simulator", done.RootElement.GetProperty("model").GetString());
        Assert.Equal(1, done.RootElement.GetProperty("promptVersion").GetInt32());
        var reply = await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "completed");
        Assert.Equal(text, reply.Content);
        Assert.Equal("simulator", reply.Model);
        Assert.Equal(1, reply.PromptVersion);
        Assert.True(reply.InputTokens > 0 && reply.OutputTokens > 0);
        Assert.Equal(done.RootElement.GetProperty("provider").GetString(), reply.Provider);
        Assert.False(string.IsNullOrEmpty(reply.Provider));
        // 40 tokens at 40 per second after a 50 ms first token: the worker's latency covers the whole reply.
        Assert.InRange(reply.LatencyMs ?? 0, 500, 60_000);
        await using var db = new NpgsqlConnection(await system.App.GetConnectionStringAsync("chatdb"));
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT time_to_first_token_ms FROM messages WHERE id = @id", db);
        query.Parameters.AddWithValue("id", sent.ReplyId);
        var timeToFirstToken = (long)(await query.ExecuteScalarAsync() ?? 0L);
        Assert.InRange(timeToFirstToken, 40, reply.LatencyMs!.Value - 1);
    }

    [Fact]
    public async Task Last_event_id_resume_continues_without_duplicates_and_a_second_chat_instance_serves_it()
    {
        var client = await system.SignUpAsync();
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "Count slowly.");
        var head = await client.ReadEventsAsync(sent.StreamUrl, max: 3, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(3, head.Count);

        var replica = await system.App.StartReplicaAsync("chat");
        using var replicaClient = new HttpClient { BaseAddress = replica };
        replicaClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var tail = await replicaClient.ReadEventsAsync(sent.StreamUrl, lastEventId: head[^1].Id, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal("done", tail[^1].Type);
        Assert.Empty(head.Select(e => e.Id).Intersect(tail.Select(e => e.Id)));
        var all = await client.ReadEventsAsync(sent.StreamUrl, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(all.Select(e => e.Id), head.Concat(tail).Select(e => e.Id));
    }

    [Fact]
    public async Task Cancel_stops_generation_within_a_second_and_stores_a_cancelled_reply()
    {
        var client = await system.SignUpAsync();
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "Write a very long story.");
        var first = await client.ReadEventsAsync(sent.StreamUrl, max: 1, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("token", first[0].Type);

        var cancelledAt = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/replies/{sent.ReplyId}/cancel", null)).StatusCode);
        var events = await client.ReadEventsAsync(sent.StreamUrl, timeout: TimeSpan.FromSeconds(30));
        var streamEndedAfter = DateTime.UtcNow - cancelledAt;

        // The worker stops within 1 s; the stream's final event reaches the client through Redis and chat's poll.
        Assert.NotEqual("done", events[^1].Type);
        Assert.True(streamEndedAfter < TimeSpan.FromSeconds(1.5), $"the stream ended {streamEndedAfter.TotalMilliseconds:0} ms after cancel");
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "cancelled");
        Assert.True(Concatenate(events).Length < 40 * 8, "generation went on after cancel");
    }

    [Fact]
    public async Task Real_tokens_of_another_tenant_get_404_for_foreign_ids()
    {
        var owner = await system.SignUpAsync();
        var stranger = await system.SignUpAsync();
        var conversation = await owner.CreateConversationAsync();
        var sent = await owner.SendAcceptedAsync(conversation.Id, "private");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/conversations/{conversation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(sent.StreamUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendMessageAsync(conversation.Id, "x")).StatusCode);
        using var anonymous = system.App.CreateHttpClient("chat");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/conversations")).StatusCode);
    }

    private static string Concatenate(IEnumerable<SseEvent> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (e.Type == "reset")
            {
                text.Clear();
            }
            else if (e.Type == "token")
            {
                using var data = JsonDocument.Parse(e.Data);
                text.Append(data.RootElement.GetProperty("text").GetString());
            }
        }
        return text.ToString();
    }
}
