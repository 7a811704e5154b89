using System.Net;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Replies;
using Chatbot.Contracts.Inference;
using Chatbot.TestSupport;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class StreamTests(ChatFixture fixture)
{
    [Fact]
    public async Task Last_event_id_resumes_after_that_event_without_duplicates()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "count to five");
        for (var i = 1; i <= 5; i++)
        {
            await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = i.ToString() });
        }
        var firstTwo = await client.ReadEventsAsync(sent.StreamUrl, max: 2);
        Assert.Equal(2, firstTwo.Count);

        var resumed = client.ReadEventsAsync(sent.StreamUrl, lastEventId: firstTwo[1].Id);
        await Task.Delay(200);
        await fixture.Worker.AppendAsync(sent.ReplyId, "done", new { inputTokens = 1, outputTokens = 5, cost = 0, model = "m", provider = "p", promptVersion = 1 });
        var rest = await resumed;

        Assert.Equal(["3", "4", "5"], rest.Where(e => e.Type == "token").Select(e => e.Data[9..10]));
        Assert.Equal("done", rest[^1].Type);
        Assert.Equal(rest.Count, rest.Select(e => e.Id).Distinct().Count());

        // Reconnecting after the final event (as EventSource does when the server closes) gets 204: stop reconnecting.
        var after = new HttpRequestMessage(HttpMethod.Get, sent.StreamUrl);
        after.Headers.Add("Last-Event-ID", rest[^1].Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(after)).StatusCode);
    }

    [Fact]
    public async Task A_finished_stream_longer_than_a_page_is_read_whole_and_resumed_after_any_event()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var sent = await client.SendAcceptedAsync((await client.CreateConversationAsync()).Id, "a long answer");
        var count = RepliesApi.FinishedPageSize + 88;
        for (var i = 0; i < count; i++)
        {
            await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = $"{i} " });
        }
        await fixture.Worker.AppendAsync(sent.ReplyId, "done", new { inputTokens = 1, outputTokens = count, cost = 0, model = "m", provider = "p", promptVersion = 1 });

        var all = await client.ReadEventsAsync(sent.StreamUrl, max: 10_000);
        Assert.Equal(count + 1, all.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{{\"text\":\"{i} \"}}"), all.Where(e => e.Type == "token").Select(e => e.Data));
        Assert.Equal("done", all[^1].Type);
        var rest = await client.ReadEventsAsync(sent.StreamUrl, lastEventId: all[RepliesApi.FinishedPageSize + 10].Id, max: 10_000);
        Assert.Equal(all.Skip(RepliesApi.FinishedPageSize + 11).Select(e => e.Id), rest.Select(e => e.Id));
    }

    [Fact]
    public async Task The_stream_request_span_marks_when_its_first_token_went_out_once()
    {
        using var spans = new SpanRecorder("Microsoft.AspNetCore");
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var sent = await client.SendAcceptedAsync((await client.CreateConversationAsync()).Id, "trace the stream");
        await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = "one" });
        await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = " two" });
        await fixture.Worker.AppendAsync(sent.ReplyId, "done", new { inputTokens = 1, outputTokens = 2, cost = 0, model = "m", provider = "p", promptVersion = 1 });
        client.DefaultRequestHeaders.Add("traceparent", spans.TraceParent);

        var events = await client.ReadEventsAsync(sent.StreamUrl);

        Assert.Equal(["token", "token", "done"], events.Select(e => e.Type));
        static bool IsStream(System.Diagnostics.Activity span) => span.DisplayName.StartsWith("GET /api/replies/", StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!spans.Stopped.Any(IsStream) && DateTime.UtcNow < deadline) await Task.Delay(20); // it stops once the response completed
        var stream = Assert.Single(spans.Stopped, IsStream);
        Assert.Single(stream.Events, e => e.Name == ReplyTraceEvents.FirstTokenSent);
    }

    [Fact]
    public async Task A_second_chat_instance_serves_a_stream_started_on_the_first()
    {
        await using var replica = new ChatApiFactory(fixture.Infra);
        var user = TestUser.NewTenant();
        var sent = await fixture.Chat.CreateClient(user).SendAcceptedAsync(
            (await fixture.Chat.CreateClient(user).CreateConversationAsync()).Id, "hi");

        var reading = replica.CreateClient(user).ReadEventsAsync(sent.StreamUrl);
        await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = "from the worker" });
        await fixture.Worker.AppendAsync(sent.ReplyId, "done", new { inputTokens = 1, outputTokens = 3, cost = 0, model = "m", provider = "p", promptVersion = 1 });

        var events = await reading;
        Assert.Equal(["token", "done"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Heartbeats_keep_an_idle_stream_open_and_a_client_disconnect_leaves_the_stream_intact()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var sent = await client.SendAcceptedAsync((await client.CreateConversationAsync()).Id, "slow");
        using var request = new HttpRequestMessage(HttpMethod.Get, sent.StreamUrl);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var heartbeats = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (heartbeats < 2 && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            heartbeats += line.StartsWith(':') ? 1 : 0;
        }
        Assert.Equal(2, heartbeats); // test heartbeat interval is 1 s
        response.Dispose();

        await fixture.Worker.AppendAsync(sent.ReplyId, "token", new { text = "still here" });
        await fixture.Worker.AppendAsync(sent.ReplyId, "done", new { inputTokens = 1, outputTokens = 2, cost = 0, model = "m", provider = "p", promptVersion = 1 });
        var events = await client.ReadEventsAsync(sent.StreamUrl);
        Assert.Equal(["token", "done"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Cancel_sets_the_cancel_key_and_notifies_workers_on_the_channel()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var sent = await client.SendAcceptedAsync((await client.CreateConversationAsync()).Id, "long story");
        var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString);
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ReplyStreamProtocol.CancelChannel),
            (_, value) => { if (value == sent.ReplyId.ToString()) notified.TrySetResult(value!); });

        var response = await client.PostAsync($"/api/replies/{sent.ReplyId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(sent.ReplyId.ToString(), await notified.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(ReplyStreamProtocol.CancelKey(sent.ReplyId));
        Assert.NotNull(ttl);
        await redis.DisposeAsync();
    }
}
