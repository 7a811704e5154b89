using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Prompts.Experiments;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class FeedbackTests(ChatFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Feedback_is_one_changeable_row_per_user_and_reply_and_only_the_replys_owner_may_give_it()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "hello");
        var url = $"/api/replies/{sent.ReplyId}/feedback";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(url, new { rating = "up" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(url, new { rating = "down", comment = "too long" })).StatusCode);
        var mine = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(("down", "too long"), (mine.GetProperty("rating").GetString(), mine.GetProperty("comment").GetString()));
        await using (var db = fixture.NewDbContext())
        {
            Assert.Equal(1, await db.ReplyFeedback.CountAsync(f => f.ReplyId == sent.ReplyId));
        }

        await ExperimentTests.AssertProblemAsync(await client.PostAsJsonAsync(url, new { rating = "meh" }), HttpStatusCode.BadRequest, "rating");
        await ExperimentTests.AssertProblemAsync(await client.PostAsJsonAsync(url, new { rating = "up", comment = new string('x', 2001) }),
            HttpStatusCode.BadRequest, "comment");
        await ExperimentTests.AssertProblemAsync(await client.PostAsJsonAsync("/api/replies/not-a-guid/feedback", new { rating = "up" }),
            HttpStatusCode.BadRequest, "replyId");
        var sameTenant = fixture.Chat.CreateClient(user.SameTenant());
        var otherTenant = fixture.Chat.CreateClient(TestUser.NewTenant());
        Assert.Equal(HttpStatusCode.NotFound, (await sameTenant.PostAsJsonAsync(url, new { rating = "up" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.PostAsJsonAsync(url, new { rating = "up" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/replies/{sent.MessageId}/feedback", new { rating = "up" })).StatusCode);
    }

    [Fact]
    public async Task Results_count_turns_feedback_tokens_cost_and_blocks_per_variant_with_an_interval_on_the_score_difference()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var adminClient = fixture.Chat.CreateClient(admin);
        await adminClient.CreatePromptAsync("Control.");
        await adminClient.CreatePromptAsync("Candidate.", activate: false);
        var experiment = await ExperimentTests.CreateAsync(adminClient, new
        {
            name = "results", variants = new object[] { new { promptVersion = 1, weight = 50 }, new { promptVersion = 2, weight = 50 } },
        });
        var users = Enumerable.Range(0, 200).Select(_ => admin.SameTenant() with { Role = "member" }).ToList();
        var a = users.Where(u => ExperimentAssignment.Pick(experiment.Id, experiment.Variants, u.UserId).Name == "A").Take(2).ToList();
        var b = users.Where(u => ExperimentAssignment.Pick(experiment.Id, experiment.Variants, u.UserId).Name == "B").Take(3).ToList();
        var bus = fixture.Chat.Services.GetRequiredService<IBus>();
        // A: two replies, one thumbs up, one down; B: three replies, two up and one without feedback, one blocked turn.
        var ratings = new Queue<string?>(["up", "down", "up", "up", null]);
        foreach (var user in a.Concat(b))
        {
            var client = fixture.Chat.CreateClient(user);
            var conversation = await client.CreateConversationAsync();
            var sent = await client.SendAcceptedAsync(conversation.Id, "hi");
            await bus.Publish(new ReplyGenerated(sent.ReplyId, DateTimeOffset.UtcNow, sent.ReplyId, user.TenantId, user.UserId, conversation.Id,
                "ok", "primary", "simulator", 1, 10, 5, 0.001m, 200, 20));
            await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "completed");
            if (ratings.Dequeue() is { } rating)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/replies/{sent.ReplyId}/feedback", new { rating })).StatusCode);
            }
        }
        var blockedUser = b[0];
        var blockedClient = fixture.Chat.CreateClient(blockedUser);
        var blockedConversation = await blockedClient.CreateConversationAsync();
        var blocked = await blockedClient.SendAcceptedAsync(blockedConversation.Id, "bad");
        await using (var db = fixture.NewDbContext())
        {
            await db.Messages.Where(m => m.Id == blocked.ReplyId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, "blocked"));
        }

        var results = await adminClient.GetFromJsonAsync<ExperimentResultsDto>($"/api/prompts/experiments/{experiment.Id}/results", Json);

        var (va, vb) = (results!.Variants[0], results.Variants[1]);
        Assert.Equal(("A", 2, 2, 1, 0.5, 0), (va.Variant, va.Turns, va.Feedback, va.ThumbsUp, va.Score, va.ModerationBlocks));
        Assert.Equal(("B", 4, 2, 2, 1.0, 1), (vb.Variant, vb.Turns, vb.Feedback, vb.ThumbsUp, vb.Score, vb.ModerationBlocks));
        Assert.Equal((20L, 10L, 0.002m, 200.0), (va.InputTokens, va.OutputTokens, va.Cost, va.MeanLatencyMs));
        Assert.Equal(0.5, vb.FeedbackRate);
        Assert.Null(va.ScoreDifference);
        var expected = ProportionInterval.Difference(1, 2, 2, 2)!.Value;
        Assert.Equal(("A", 0.5, expected.Lower, expected.Upper), (vb.ScoreDifference!.Baseline, vb.ScoreDifference.Difference,
            vb.ScoreDifference.Lower, vb.ScoreDifference.Upper));
        var member = fixture.Chat.CreateClient(a[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/prompts/experiments/{experiment.Id}/results")).StatusCode);
    }
}
