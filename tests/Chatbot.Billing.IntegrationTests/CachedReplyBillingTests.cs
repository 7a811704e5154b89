using System.Net.Http.Json;
using Chatbot.Billing.Api;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>A reply answered from the response cache: its ledger row says cached, costs the cache price, and /api/usage shows the saving.</summary>
[Collection(BillingCollection.Name)]
public sealed class CachedReplyBillingTests(BillingFixture fixture)
{
    [Fact]
    public async Task A_cached_reply_is_billed_at_the_cache_price_and_usage_shows_hits_and_the_saving()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        var generated = Usage.Of(user.TenantId, user.UserId, 400, 600, 0.9m);
        var cached = generated with { ReplyId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Cached = true };
        await using (var setup = fixture.NewDb())
        {
            // 1 + 2 USD per million input/output tokens; a cached reply 0.1 USD per million tokens.
            setup.Prices.Add(new Price
            {
                Provider = generated.Provider, Model = generated.Model, InputPerMillion = 1m, OutputPerMillion = 2m, CachedPerMillion = 0.1m,
                EffectiveFrom = DateTimeOffset.UtcNow.AddHours(-1), CreatedAt = DateTimeOffset.UtcNow,
            });
            await setup.SaveChangesAsync();
        }
        var bus = billing.Services.GetRequiredService<IBus>();

        await bus.Publish(generated);
        await bus.Publish(cached);

        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.CountAsync(u => u.TenantId == user.TenantId) == 2));
        var full = await db.UsageEntries.AsNoTracking().SingleAsync(u => u.ReplyId == generated.ReplyId);
        var hit = await db.UsageEntries.AsNoTracking().SingleAsync(u => u.ReplyId == cached.ReplyId);
        Assert.Equal((false, 0.0016m, 0m), (full.Cached, full.Cost, full.SavedCost)); // 400 × 1 + 600 × 2 per million
        Assert.Equal((true, 0.0001m, 0.0015m), (hit.Cached, hit.Cost, hit.SavedCost)); // 1000 × 0.1 per million
        Assert.Equal((400, 600), (hit.InputTokens, hit.OutputTokens));

        var summary = await billing.CreateClient(user).GetFromJsonAsync<UsageSummary>("/api/usage");
        Assert.Equal((1, 0.0015m, 0.0017m), (summary!.Today.CachedReplies, summary.Today.CacheSavedUsd, summary.Today.CostUsd));
        Assert.Equal((1, 0.0015m), (summary.Month.CachedReplies, summary.Month.CacheSavedUsd));
    }

    [Fact]
    public async Task A_cached_reply_without_a_price_costs_nothing_and_saves_the_worker_s_figure()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        _ = billing.Server;
        var user = TestUser.NewTenant();
        var cached = Usage.Of(user.TenantId, user.UserId, 10, 20, 0.004m) with { Cached = true };

        await billing.Services.GetRequiredService<IBus>().Publish(cached);

        await using var db = fixture.NewDb();
        Assert.True(await Eventually.HoldsAsync(async () => await db.UsageEntries.AnyAsync(u => u.ReplyId == cached.ReplyId)));
        var row = await db.UsageEntries.AsNoTracking().SingleAsync(u => u.ReplyId == cached.ReplyId);
        Assert.Equal((true, 0m, 0.004m), (row.Cached, row.Cost, row.SavedCost));
    }
}
