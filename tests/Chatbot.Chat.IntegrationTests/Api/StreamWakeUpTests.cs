using System.Diagnostics;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Inference;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class StreamWakeUpTests(ChatFixture fixture)
{
    [Fact]
    public async Task The_activity_channel_wakes_the_stream_reader_without_waiting_for_its_poll()
    {
        var poll = TimeSpan.FromSeconds(5);
        await using var chat = new ChatApiFactory(fixture.Infra, new Dictionary<string, string> { ["Chat:StreamPollInterval"] = "00:00:05" });
        var client = chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "wake up");

        var reading = client.ReadEventsAsync(sent.StreamUrl, max: 1, timeout: TimeSpan.FromSeconds(30));
        await Task.Delay(500); // the reader is subscribed and its hub is in its long wait
        var clock = Stopwatch.StartNew();
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Token, new { text = "first" });
        await fixture.Worker.Redis.PublishAsync(RedisChannel.Literal(ReplyStreamProtocol.ActivityChannel),
            ReplyStreamProtocol.StreamKey(sent.ReplyId));
        var events = await reading;

        Assert.Equal(ReplyStreamProtocol.Token, Assert.Single(events).Type);
        Assert.True(clock.Elapsed < poll / 2, $"first token after {clock.Elapsed.TotalMilliseconds:0} ms (poll interval {poll.TotalSeconds} s)");
    }

    [Fact]
    public async Task A_wake_up_carrying_a_streams_first_entry_reaches_its_clients_without_a_read_and_only_once()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, new Dictionary<string, string> { ["Chat:StreamPollInterval"] = "00:00:05" });
        var client = chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "carried");
        var key = ReplyStreamProtocol.StreamKey(sent.ReplyId);
        var firstOnly = client.ReadEventsAsync(sent.StreamUrl, max: 1, timeout: TimeSpan.FromSeconds(10));
        var reading = client.ReadEventsAsync(sent.StreamUrl, max: 2, timeout: TimeSpan.FromSeconds(30));
        await Task.Delay(500); // subscribed

        // Announced before it is in the stream: only the message can deliver it.
        await fixture.Worker.Redis.PublishAsync(RedisChannel.Literal(ReplyStreamProtocol.ActivityChannel),
            string.Join(ReplyStreamProtocol.ActivitySeparator, key, "5-1", ReplyStreamProtocol.Token, """{"text":"first"}"""));
        Assert.Equal("5-1", Assert.Single(await firstOnly).Id);
        await fixture.Worker.Redis.StreamAddAsync(key, [new(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Token),
            new(ReplyStreamProtocol.DataField, """{"text":"first"}""")], messageId: "5-1");
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Token, new { text = " second" });
        await fixture.Worker.Redis.PublishAsync(RedisChannel.Literal(ReplyStreamProtocol.ActivityChannel), key);
        var events = await reading;

        Assert.Equal("5-1", events[0].Id); // then the round's read goes on after it: no second copy
        Assert.Equal(["""{"text":"first"}""", """{"text":" second"}"""], events.Select(e => e.Data));
    }

    [Fact]
    public async Task A_client_joining_a_stream_with_entries_waiting_is_served_without_waiting_for_the_poll()
    {
        var poll = TimeSpan.FromSeconds(5);
        await using var chat = new ChatApiFactory(fixture.Infra, new Dictionary<string, string> { ["Chat:StreamPollInterval"] = "00:00:05" });
        var client = chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var waiting = await client.SendAcceptedAsync(conversation.Id, "keeps the hub in its long wait");
        var ready = await client.SendAcceptedAsync(conversation.Id, "already has a token");
        var idle = client.ReadEventsAsync(waiting.StreamUrl, max: 1, timeout: TimeSpan.FromSeconds(30));
        await Task.Delay(500); // one subscriber, nothing to read: the hub waits its poll interval
        await fixture.Worker.AppendAsync(ready.ReplyId, ReplyStreamProtocol.Token, new { text = "first" }); // no activity publish

        var clock = Stopwatch.StartNew();
        var events = await client.ReadEventsAsync(ready.StreamUrl, max: 1, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(ReplyStreamProtocol.Token, Assert.Single(events).Type);
        Assert.True(clock.Elapsed < poll / 2, $"first token after {clock.Elapsed.TotalMilliseconds:0} ms (poll interval {poll.TotalSeconds} s)");
        await fixture.Worker.AppendAsync(waiting.ReplyId, ReplyStreamProtocol.Done, new { });
        await idle;
    }
}
