using System.Net.Http.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Turns;
using Chatbot.Chat.Prompts;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ContentTokenTests(ChatFixture fixture)
{
    [Fact]
    public async Task Messages_store_their_token_counts_and_the_next_turn_costs_its_history_by_them()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var first = await client.SendAcceptedAsync(conversation.Id, "What does a context window hold?");
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new ReplyGenerated(first.ReplyId, DateTimeOffset.UtcNow,
            first.ReplyId, user.TenantId, user.UserId, conversation.Id, "The latest messages that fit the budget.",
            "simulator", "simulator", 1, 5, 8, 0m, 10, 5));
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, first.ReplyId, r => r.Status == "completed");

        var counter = fixture.Chat.Services.GetRequiredService<ContextWindowBuilder>();
        await using (var db = fixture.NewDbContext())
        {
            var stored = await db.Messages.Where(m => m.ConversationId == conversation.Id).ToDictionaryAsync(m => m.Id);
            Assert.Equal(counter.CountContentTokens("What does a context window hold?"), stored[first.MessageId].ContentTokens);
            Assert.Equal(counter.CountContentTokens("The latest messages that fit the budget."), stored[first.ReplyId].ContentTokens);

            // The stored figure, not the text, decides: an answer recorded as filling the whole budget leaves the window.
            var budget = fixture.Chat.Services.GetRequiredService<IOptions<ChatOptions>>().Value.ContextTokenBudget;
            await db.Messages.Where(m => m.Id == first.ReplyId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ContentTokens, budget));
        }
        var second = await client.SendAcceptedAsync(conversation.Id, "And what does it drop?");
        var (command, _) = await fixture.Worker.WaitForAsync(second.ReplyId);

        Assert.Equal(["system", "user"], command.Messages.Select(m => m.Role));
        Assert.Equal("And what does it drop?", command.Messages[^1].Content);
    }

    [Fact]
    public async Task A_cancelled_reply_stores_the_count_of_its_partial_text()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "tell me a story");
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new ReplyFailed(sent.ReplyId, DateTimeOffset.UtcNow,
            sent.ReplyId, user.TenantId, user.UserId, conversation.Id, ReplyFailureCodes.Cancelled, "Cancelled by the user.",
            "Once upon a time"));
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "cancelled");

        await using var db = fixture.NewDbContext();
        var reply = await db.Messages.SingleAsync(m => m.Id == sent.ReplyId);
        Assert.Equal(fixture.Chat.Services.GetRequiredService<ContextWindowBuilder>().CountContentTokens("Once upon a time"),
            reply.ContentTokens);
    }

    [Fact]
    public async Task A_new_prompt_version_stores_its_count_and_sends_cost_the_prompt_by_it()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        var created = await client.CreatePromptAsync("You answer in one sentence.");
        var conversation = await client.CreateConversationAsync();
        var first = await client.SendAcceptedAsync(conversation.Id, "first question");
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new ReplyGenerated(first.ReplyId, DateTimeOffset.UtcNow,
            first.ReplyId, admin.TenantId, admin.UserId, conversation.Id, "first answer", "simulator", "simulator",
            created!.Version, 5, 2, 0m, 10, 5));
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, first.ReplyId, r => r.Status == "completed");

        await using (var db = fixture.NewDbContext())
        {
            var version = await db.PromptVersions.SingleAsync(p => p.TenantId == admin.TenantId && p.Version == created.Version);
            Assert.Equal(fixture.Chat.Services.GetRequiredService<ContextWindowBuilder>().CountContentTokens("You answer in one sentence."),
                version.ContentTokens);
        }
        // A prompt recorded as filling the budget leaves no room for history: only the stored figure can say so.
        await fixture.RecordPromptAsFillingTheBudgetAsync(admin.TenantId, created.Version);
        var second = await client.SendAcceptedAsync(conversation.Id, "second question");
        var (command, _) = await fixture.Worker.WaitForAsync(second.ReplyId);

        Assert.Equal(["You answer in one sentence.", "second question"], command.Messages.Select(m => m.Content));
    }
}
