using System.Net.Http.Json;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ChatTurnTests(ChatFixture fixture)
{
    [Fact]
    public async Task Full_turn_queues_generate_reply_with_tier_priority_streams_tokens_and_stores_the_reply()
    {
        var user = TestUser.NewTenant(tier: "enterprise");
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();

        var accepted = await client.SendAcceptedAsync(conversation.Id, "Hello there");
        Assert.Equal($"/api/replies/{accepted.ReplyId}/stream", accepted.StreamUrl);

        var (command, priority) = await fixture.Worker.WaitForAsync(accepted.ReplyId);
        Assert.Equal(3, priority);
        Assert.Equal(accepted.MessageId, command.UserMessageId);
        Assert.Equal(user.TenantId, command.TenantId);
        Assert.Equal("enterprise", command.Tier);
        Assert.Equal(1, command.PromptVersion);
        Assert.Equal("system", command.Messages[0].Role);
        Assert.Equal(new ChatTurn("user", "Hello there"), command.Messages[^1]);

        await fixture.Worker.AppendAsync(accepted.ReplyId, "token", new { text = "Hi" });
        await fixture.Worker.AppendAsync(accepted.ReplyId, "token", new { text = "!" });
        await fixture.Worker.AppendAsync(accepted.ReplyId, "done", new
        {
            inputTokens = 12, outputTokens = 2, cost = 0.0001m, model = "simulator", provider = "simulator", promptVersion = 1,
        });
        var events = await client.ReadEventsAsync(accepted.StreamUrl);
        Assert.Equal(["token", "token", "done"], events.Select(e => e.Type));
        Assert.Contains("\"Hi\"", events[0].Data);

        var bus = fixture.Chat.Services.GetRequiredService<IBus>();
        var generated = new ReplyGenerated(accepted.ReplyId, DateTimeOffset.UtcNow, accepted.ReplyId, user.TenantId, user.UserId,
            conversation.Id, "Hi!", "fallback-anthropic", "simulator", 1, 12, 2, 0.0001m, 120, 15);
        await bus.Publish(generated);
        var reply = await WaitForReplyAsync(client, conversation.Id, accepted.ReplyId, r => r.Status == "completed");
        Assert.Equal("Hi!", reply.Content);
        Assert.Equal("simulator", reply.Model);
        Assert.Equal("fallback-anthropic", reply.Provider);
        Assert.Equal(120, reply.LatencyMs);
        await using (var db = fixture.NewDbContext())
        {
            Assert.Equal(15, (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == accepted.ReplyId)).TimeToFirstTokenMs);
        }
        Assert.Equal(1, reply.PromptVersion);
        Assert.Equal(12, reply.InputTokens);
        Assert.Equal(0.0001m, reply.Cost);

        // A late failure for the same reply (duplicate delivery, racing worker) changes nothing.
        await bus.Publish(new ReplyFailed(accepted.ReplyId, DateTimeOffset.UtcNow, accepted.ReplyId, user.TenantId, user.UserId,
            conversation.Id, ReplyFailureCodes.Internal, "late", ""));
        await Task.Delay(500);
        reply = await WaitForReplyAsync(client, conversation.Id, accepted.ReplyId, _ => true);
        Assert.Equal("completed", reply.Status);
        Assert.Equal("Hi!", reply.Content);
    }

    [Fact]
    public async Task Second_turn_sends_the_history_and_a_failed_reply_keeps_a_readable_reason()
    {
        var user = TestUser.NewTenant(tier: "pro");
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var first = await client.SendAcceptedAsync(conversation.Id, "first question");
        var bus = fixture.Chat.Services.GetRequiredService<IBus>();
        await bus.Publish(new ReplyGenerated(first.ReplyId, DateTimeOffset.UtcNow, first.ReplyId, user.TenantId, user.UserId,
            conversation.Id, "first answer", "simulator", "simulator", 1, 5, 2, 0m, 10, 5));
        await WaitForReplyAsync(client, conversation.Id, first.ReplyId, r => r.Status == "completed");

        var second = await client.SendAcceptedAsync(conversation.Id, "second question");
        var (command, priority) = await fixture.Worker.WaitForAsync(second.ReplyId);
        Assert.Equal(2, priority);
        Assert.Equal(["system", "user", "assistant", "user"], command.Messages.Select(m => m.Role));
        Assert.Equal("first answer", command.Messages[2].Content);

        await bus.Publish(new ReplyFailed(second.ReplyId, DateTimeOffset.UtcNow, second.ReplyId, user.TenantId, user.UserId,
            conversation.Id, ReplyFailureCodes.ProviderUnavailable, "All providers are unavailable.", ""));
        var failed = await WaitForReplyAsync(client, conversation.Id, second.ReplyId, r => r.Status == "failed");
        Assert.Equal("All providers are unavailable.", failed.FailureReason);
    }

    internal static async Task<MessageDto> WaitForReplyAsync(HttpClient client, Guid conversationId, Guid replyId,
        Func<MessageDto, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversationId}/messages?limit=100");
            var reply = page!.Items.Single(m => m.Id == replyId);
            if (until(reply) || DateTime.UtcNow > deadline)
            {
                Assert.True(until(reply), $"Reply stayed {reply.Status}.");
                return reply;
            }
            await Task.Delay(100);
        }
    }
}
