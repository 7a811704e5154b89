using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Retention;
using Chatbot.Contracts.Chat;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>Per-tenant retention on real PostgreSQL and Redis: the setting's route and the job that deletes.</summary>
[Collection(ChatCollection.Name)]
public sealed class RetentionTests(ChatFixture fixture)
{
    [Fact]
    public async Task Tenant_admins_set_and_read_the_retention_and_bad_input_is_a_400_problem()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        var initial = (await client.GetFromJsonAsync<RetentionDto>("/api/tenant/retention"))!;
        Assert.Equal(new RetentionDto(null, false, null, null, null), initial);

        var set = await client.PutAsJsonAsync("/api/tenant/retention", new { days = 30 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var shown = (await client.GetFromJsonAsync<RetentionDto>("/api/tenant/retention"))!;
        Assert.Equal((30, true, 30), (shown.Days, shown.IsCustom, shown.EffectiveDays));

        foreach (var days in new[] { 0, -1, 3651 })
        {
            var bad = await client.PutAsJsonAsync("/api/tenant/retention", new { days });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
        var forever = (await (await client.PutAsJsonAsync("/api/tenant/retention", new { days = (int?)null })).Content.ReadFromJsonAsync<RetentionDto>())!;
        Assert.Equal((null, true, null), (forever.Days, forever.IsCustom, forever.EffectiveDays));

        var member = fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync("/api/tenant/retention", new { days = 1 })).StatusCode);
        var otherTenant = (await fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin")).GetFromJsonAsync<RetentionDto>("/api/tenant/retention"))!;
        Assert.False(otherTenant.IsCustom);
    }

    [Fact]
    public async Task The_job_deletes_old_conversations_in_bounded_batches_and_keeps_recent_ones_and_other_tenants()
    {
        await using var replica = new ChatApiFactory(fixture.Infra, new Dictionary<string, string>
        {
            ["Retention:BatchSize"] = "2",
            ["Retention:Interval"] = "1.00:00:00", // the test runs the job itself
            ["Retention:DefaultDays"] = "3000",
        });
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = replica.CreateClient(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/tenant/retention", new { days = 30 })).StatusCode);
        var old = await client.CreateConversationAsync("old");
        var oldTurns = new[] { await client.SendAcceptedAsync(old.Id, "first"), await client.SendAcceptedAsync(old.Id, "second") };
        var recent = await client.CreateConversationAsync("recent");
        var recentTurn = await client.SendAcceptedAsync(recent.Id, "still here");
        var otherTenant = TestUser.NewTenant(); // no setting: the platform default (3000 days) keeps a 40-day-old one
        var kept = await replica.CreateClient(otherTenant).CreateConversationAsync("other tenant");
        var defaultTenant = TestUser.NewTenant(); // no setting, older than the default: deleted
        var ancient = await replica.CreateClient(defaultTenant).CreateConversationAsync("ancient");
        await SetLastActivityAsync(old.Id, TimeSpan.FromDays(40));
        await SetLastActivityAsync(kept.Id, TimeSpan.FromDays(40));
        await SetLastActivityAsync(ancient.Id, TimeSpan.FromDays(3100));
        var redis = replica.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        foreach (var replyId in new[] { oldTurns[0].ReplyId, oldTurns[1].ReplyId, recentTurn.ReplyId })
        {
            await redis.StreamAddAsync(ReplyStreamProtocol.StreamKey(replyId), "type", "token");
        }
        var job = replica.Services.GetRequiredService<RetentionJob>();

        var batches = await job.RunTenantAsync(admin.TenantId, 30, CancellationToken.None);

        Assert.All(batches, b => Assert.InRange(b, 0, 2));
        Assert.Equal(4 + 1, batches.Sum()); // four messages in batches of two, then the conversation
        await using (var db = fixture.NewDbContext())
        {
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == old.Id));
            Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == old.Id));
            Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == recent.Id));
            Assert.True(await db.Conversations.AnyAsync(c => c.Id == kept.Id));
        }
        Assert.False(await redis.KeyExistsAsync(ReplyStreamProtocol.StreamKey(oldTurns[0].ReplyId)));
        Assert.False(await redis.KeyExistsAsync(ReplyStreamProtocol.StreamKey(oldTurns[1].ReplyId)));
        Assert.True(await redis.KeyExistsAsync(ReplyStreamProtocol.StreamKey(recentTurn.ReplyId)));
        var shown = (await client.GetFromJsonAsync<RetentionDto>("/api/tenant/retention"))!;
        Assert.NotNull(shown.LastRun);
        Assert.False(shown.LastRun.InProgress);
        Assert.Equal((1L, 4L), (shown.LastRun.ConversationsDeleted, shown.LastRun.MessagesDeleted));

        await job.RunOnceAsync(CancellationToken.None); // the scan: tenants with a limit, and the default for the rest

        await using (var db = fixture.NewDbContext())
        {
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == ancient.Id));
            Assert.True(await db.Conversations.AnyAsync(c => c.Id == kept.Id));
            Assert.True(await db.Conversations.AnyAsync(c => c.Id == recent.Id));
        }
        var defaultRun = (await replica.CreateClient(defaultTenant with { Role = "tenant-admin" }).GetFromJsonAsync<RetentionDto>("/api/tenant/retention"))!;
        Assert.Equal((false, 3000, 1L), (defaultRun.IsCustom, defaultRun.EffectiveDays, defaultRun.LastRun?.ConversationsDeleted));
    }

    [Fact]
    public async Task A_tenants_run_announces_its_cutoff_so_moderation_follows_the_same_clock()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var received = new TaskCompletionSource<RetentionApplied>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(fixture.Infra.RabbitMqUri);
            cfg.ReceiveEndpoint($"chat-retention-tests-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<RetentionApplied>(c =>
                {
                    if (c.Message.TenantId == admin.TenantId) received.TrySetResult(c.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var before = DateTimeOffset.UtcNow;
            await fixture.Chat.Services.GetRequiredService<RetentionJob>().RunTenantAsync(admin.TenantId, 30, CancellationToken.None);

            var applied = await received.Task.WaitAsync(TimeSpan.FromSeconds(30)); // through chat's outbox
            Assert.InRange(applied.Cutoff, before.AddDays(-30).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(-30));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private async Task SetLastActivityAsync(Guid conversationId, TimeSpan ago)
    {
        await using var db = fixture.NewDbContext();
        await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTimeOffset.UtcNow - ago));
    }
}
