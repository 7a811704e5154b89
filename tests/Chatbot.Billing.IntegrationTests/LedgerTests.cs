using System.Net;
using System.Net.Http.Json;
using Chatbot.Billing.Api;
using Chatbot.Billing.IntegrationTests.Infrastructure;
using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Moderation;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.IntegrationTests;

[Collection(BillingCollection.Name)]
public sealed class LedgerTests(BillingFixture fixture)
{
    [Fact]
    public async Task A_duplicated_usage_recorded_gives_one_ledger_row_and_settles_once()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        var replyId = Guid.NewGuid();
        var quotas = billing.Services.GetRequiredService<QuotaReservations>();
        var grant = await quotas.ReserveAsync(new(replyId, user.TenantId, user.UserId, "free", 50, 500));
        Assert.True(grant.IsGranted);
        var usage = Usage.Of(user.TenantId, user.UserId, 50, 120, 0.002m, replyId);

        var bus = billing.Services.GetRequiredService<IBus>();
        await bus.Publish(usage);
        await bus.Publish(usage with { CorrelationId = Guid.NewGuid() });

        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.AnyAsync(u => u.ReplyId == replyId)));
        await Task.Delay(1000); // the duplicate's delivery
        Assert.Equal(1, await db.UsageEntries.CountAsync(u => u.ReplyId == replyId));
        Assert.Equal(170, (long)await fixture.Redis.GetDatabase().StringGetAsync(QuotaKeys.UserDayTokens(user.TenantId, user.UserId, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task An_input_blocked_by_moderation_releases_its_reservation()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        var replyId = Guid.NewGuid();
        var quotas = billing.Services.GetRequiredService<QuotaReservations>();
        Assert.True((await quotas.ReserveAsync(new(replyId, user.TenantId, user.UserId, "free", 50, 500))).IsGranted);
        var redis = fixture.Redis.GetDatabase();
        Assert.True(await redis.KeyExistsAsync(QuotaKeys.Reservation(replyId)));

        await billing.Services.GetRequiredService<IBus>().Publish(new InputBlocked(Guid.NewGuid(), DateTimeOffset.UtcNow, replyId,
            user.TenantId, user.UserId, Guid.NewGuid(), Guid.NewGuid(), ["prompt_injection"], "blocked"));

        Assert.True(await Eventually.HoldsAsync(async () => !await redis.KeyExistsAsync(QuotaKeys.Reservation(replyId))));
        Assert.False(await quotas.ReleaseAsync(replyId)); // already released by the consumer
    }

    [Fact]
    public async Task Restart_rebuilds_lost_counters_from_the_ledger()
    {
        var user = TestUser.NewTenant();
        var key = QuotaKeys.UserDayTokens(user.TenantId, user.UserId, DateTimeOffset.UtcNow);
        var costKey = QuotaKeys.TenantMonthCost(user.TenantId, DateTimeOffset.UtcNow);
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var bus = billing.Services.GetRequiredService<IBus>();
        await bus.Publish(Usage.Of(user.TenantId, user.UserId, 100, 200, 0.01m));
        await bus.Publish(Usage.Of(user.TenantId, user.UserId, 10, 20, 0.001m));
        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.CountAsync(u => u.TenantId == user.TenantId) == 2));
        await fixture.Redis.GetDatabase().KeyDeleteAsync([key, costKey]); // Redis lost its counters

        // A billing instance starting (a restart or a new replica) rebuilds them from the ledger before taking traffic.
        await using var restarted = new BillingApiFactory(fixture.Infra);
        _ = restarted.Server;

        Assert.Equal(330, (long)await fixture.Redis.GetDatabase().StringGetAsync(key));
        Assert.Equal(11_000, (long)await fixture.Redis.GetDatabase().StringGetAsync(costKey));
    }

    [Fact]
    public async Task Redis_losing_billing_state_while_billing_runs_gets_limits_and_counters_back_from_the_database()
    {
        var user = TestUser.NewTenant();
        var key = QuotaKeys.UserDayTokens(user.TenantId, user.UserId, DateTimeOffset.UtcNow);
        await using var billing = new BillingApiFactory(fixture.Infra, new Dictionary<string, string> { ["Billing:StateCheckInterval"] = "00:00:00.200" });
        _ = billing.Server;
        await billing.Services.GetRequiredService<IBus>().Publish(Usage.Of(user.TenantId, user.UserId, 40, 60, 0.001m));
        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.AnyAsync(u => u.TenantId == user.TenantId)));
        var redis = fixture.Redis.GetDatabase();
        // Settled too (the ledger row is written first): a settle after the loss would bring the counter back by itself.
        Assert.True(await Eventually.HoldsAsync(async () => (long?)await redis.StringGetAsync(key) == 100));

        await redis.KeyDeleteAsync([key, QuotaKeys.Plan("free"), QuotaKeys.StateMarker]); // what a Redis restart without persistence does

        // The marker is set last, after the limits and the counters.
        Assert.True(await Eventually.HoldsAsync(async () => await redis.KeyExistsAsync(QuotaKeys.StateMarker)));
        Assert.Equal(100, (long)await redis.StringGetAsync(key));
        Assert.True(await redis.KeyExistsAsync(QuotaKeys.Plan("free")));
    }

    [Fact]
    public async Task Erasure_pseudonymises_the_ledger_rows_and_keeps_the_amounts()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        var bus = billing.Services.GetRequiredService<IBus>();
        var usage = Usage.Of(user.TenantId, user.UserId, 7, 9, 0.003m);
        await bus.Publish(usage);
        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.AnyAsync(u => u.ReplyId == usage.ReplyId)));

        await bus.Publish(new ErasureRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), user.TenantId, [user.UserId], WholeTenant: false));

        Assert.True(await Eventually.HoldsAsync(async () =>
            await db.UsageEntries.AsNoTracking().AnyAsync(u => u.ReplyId == usage.ReplyId && u.Pseudonymised)));
        var row = await db.UsageEntries.AsNoTracking().SingleAsync(u => u.ReplyId == usage.ReplyId);
        Assert.NotEqual(user.UserId, row.UserId);
        Assert.Equal((7, 9, 0.003m), (row.InputTokens, row.OutputTokens, row.Cost));
    }

    [Fact]
    public async Task Usage_api_shows_today_and_month_with_what_is_left()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        await billing.Services.GetRequiredService<IBus>().Publish(Usage.Of(user.TenantId, user.UserId, 400, 600, 0.25m));
        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.AnyAsync(u => u.TenantId == user.TenantId)));

        var summary = await billing.CreateClient(user).GetFromJsonAsync<UsageSummary>("/api/usage");
        var csv = await billing.CreateClient(user with { Role = "tenant-admin" }).GetAsync("/api/usage/export");
        var badMonth = await billing.CreateClient(user with { Role = "tenant-admin" }).GetAsync("/api/usage/export?month=2026-13");

        Assert.Equal((1_000, 0.25m, 9_000L), (summary!.Today.Tokens, summary.Today.CostUsd, summary.Today.TokensLeft!.Value));
        Assert.Equal(4.75m, summary.Month.BudgetLeftUsd);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(2, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
    }
}
