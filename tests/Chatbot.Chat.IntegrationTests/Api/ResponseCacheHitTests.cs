using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// Chat answers a response cache hit itself, before anything is published (docs/experiments.md, "Response cache"):
/// the reply the worker cached, under a key moderation marked as allowed by the tenant's current policy fingerprint.
/// A fingerprint that no longer matches (the policy changed) is a miss and the turn goes on as usual.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class ResponseCacheHitTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_turn_moderation_allowed_under_the_current_policy_is_answered_by_chat_and_one_under_an_older_policy_is_not()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var question = $"What is a queue? {Guid.NewGuid():N}";
        var first = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(first.Id, question);
        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        var key = ResponseCacheKey.For(command);
        var redis = fixture.Worker.Redis;
        await redis.StringSetAsync(ResponseCacheKey.EntryKey(user.TenantId, key),
            JsonSerializer.Serialize(new CachedReply("A queue holds messages.", 12, 5, 0.0001m, "sim-model", "simulator"), JsonSerializerOptions.Web));
        await redis.StringSetAsync(ResponseCacheKey.AllowedKey(user.TenantId, key), "policy-1");
        await redis.StringSetAsync(ResponseCacheKey.PolicyKey(user.TenantId), "policy-1");

        var repeat = await client.CreateConversationAsync();
        var hit = await client.SendAcceptedAsync(repeat.Id, question);
        // The stream holds the whole reply by the time the POST answered.
        var entries = await redis.StreamRangeAsync(ReplyStreamProtocol.StreamKey(hit.ReplyId));
        Assert.Equal([ReplyStreamProtocol.Token, ReplyStreamProtocol.Done], entries.Select(e => e[ReplyStreamProtocol.TypeField].ToString()));
        var events = await client.ReadEventsAsync(hit.StreamUrl);
        Assert.Equal("A queue holds messages.", JsonDocument.Parse(events.Single(e => e.Type == "token").Data).RootElement.GetProperty("text").GetString());
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.True(done.GetProperty("cached").GetBoolean());
        Assert.Equal(command.PromptRef, done.GetProperty("promptRef").GetString());
        var stored = await ChatTurnTests.WaitForReplyAsync(client, repeat.Id, hit.ReplyId, r => r.Status == "completed");
        Assert.Equal("A queue holds messages.", stored.Content);
        await Task.Delay(500);
        Assert.False(fixture.Worker.ReceivedFor(repeat.Id)); // nothing went to moderation or the worker

        await redis.StringSetAsync(ResponseCacheKey.PolicyKey(user.TenantId), "policy-2"); // the tenant's policy changed
        var later = await client.CreateConversationAsync();
        var miss = await client.SendAcceptedAsync(later.Id, question);
        Assert.Equal(miss.ReplyId, (await fixture.Worker.WaitForAsync(miss.ReplyId)).Command.ReplyId);
        Assert.Empty(await redis.StreamRangeAsync(ReplyStreamProtocol.StreamKey(miss.ReplyId)));
    }
}
