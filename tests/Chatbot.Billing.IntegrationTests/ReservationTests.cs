using Chatbot.Billing.IntegrationTests.Infrastructure;
using Chatbot.Billing.Quotas;
using StackExchange.Redis;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.IntegrationTests;

[Collection(BillingCollection.Name)]
public sealed class ReservationTests(BillingFixture fixture)
{
    [Fact]
    public async Task User_daily_token_limit_refuses_with_the_limit_and_the_next_day()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 1_000 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 100, 900));
        var second = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 100, 900));

        Assert.True(first.IsGranted);
        Assert.Equal(ReservationOutcome.QuotaExceeded, second.Outcome);
        Assert.Equal("user_tokens_per_day", second.Limit);
        Assert.Equal(QuotaPeriods.NextDay(DateTimeOffset.UtcNow), second.ResetsAt);
    }

    [Fact]
    public async Task Near_the_limit_the_grant_shrinks_to_what_is_left()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 1_000 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());

        await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 100, 500));
        var partial = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 100, 500));

        Assert.True(partial.IsGranted);
        Assert.Equal(300, partial.GrantedOutputTokens);
    }

    [Fact]
    public async Task Requests_per_minute_refuse_with_a_rate_limit_until_the_next_minute()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { RequestsPerMinute = 2 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());

        for (var i = 0; i < 2; i++)
        {
            Assert.True((await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 10, 100))).IsGranted);
        }
        var refused = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 10, 100));

        Assert.Equal(ReservationOutcome.RateLimited, refused.Outcome);
        Assert.Equal("requests_per_minute", refused.Limit);
        Assert.InRange(refused.RetryAfter(DateTimeOffset.UtcNow), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_reservation_replacing_one_of_the_same_request_is_neither_refused_nor_counted_by_requests_per_minute()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { RequestsPerMinute = 2 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True((await quotas.ReserveAsync(new(first, tenant, user, tier, 10, 100))).IsGranted);
        await quotas.ReleaseAsync(first);
        var firstReplaced = await quotas.ReserveAsync(new(first, tenant, user, tier, 500, 100, CountsRequest: false));
        var secondRequest = await quotas.ReserveAsync(new(second, tenant, user, tier, 10, 100)); // the replacement was not counted
        await quotas.ReleaseAsync(second);
        var secondReplaced = await quotas.ReserveAsync(new(second, tenant, user, tier, 500, 100, CountsRequest: false)); // at the limit
        var third = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 10, 100));

        Assert.Equal([true, true, true], new[] { firstReplaced, secondRequest, secondReplaced }.Select(r => r.IsGranted));
        Assert.Equal(ReservationOutcome.RateLimited, third.Outcome);
    }

    [Fact]
    public async Task Monthly_budget_refuses_with_quota_exceeded_until_next_month()
    {
        var tier = TestQuotas.NewTier();
        // 2 micro-USD per output token: 0.001 USD = 1000 micros = 400 output tokens after a 200-token prompt (1 micro each).
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { MonthlyBudgetUsd = 0.001m }, tier);
        var tenant = Guid.NewGuid();

        var first = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), tier, 200, 1000));
        var second = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), tier, 200, 1000));

        Assert.Equal(400, first.GrantedOutputTokens);
        Assert.Equal(ReservationOutcome.QuotaExceeded, second.Outcome);
        Assert.Equal("tenant_monthly_budget", second.Limit);
        Assert.Equal(QuotaPeriods.NextMonth(DateTimeOffset.UtcNow), second.ResetsAt);
    }

    [Fact]
    public async Task Two_connections_racing_on_one_tenant_budget_never_reserve_past_it()
    {
        var tier = TestQuotas.NewTier();
        var plan = new PlanLimits { TenantTokensPerDay = 5_000 };
        await using var second = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.Redis);
        var replicas = new[] { TestQuotas.Client(fixture.Redis, plan, tier), TestQuotas.Client(second, plan, tier) };
        var tenant = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            replicas[i % 2].ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), tier, 100, 400))));

        var reserved = results.Where(r => r.IsGranted).Sum(r => 100 + r.GrantedOutputTokens);
        Assert.InRange(reserved, 4_500, 5_000);
        Assert.Equal(reserved, (long)await fixture.Redis.GetDatabase().StringGetAsync(QuotaKeys.TenantDayTokens(tenant, DateTimeOffset.UtcNow)));
        Assert.Contains(results, r => r.Outcome == ReservationOutcome.QuotaExceeded && r.Limit == "tenant_tokens_per_day");
    }

    [Fact]
    public async Task Release_gives_the_room_back_and_settle_applies_real_usage_once()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 10_000 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        var key = QuotaKeys.UserDayTokens(tenant, user, DateTimeOffset.UtcNow);
        var db = fixture.Redis.GetDatabase();
        var (failed, succeeded) = (Guid.NewGuid(), Guid.NewGuid());

        await quotas.ReserveAsync(new(failed, tenant, user, tier, 100, 900));
        await quotas.ReserveAsync(new(succeeded, tenant, user, tier, 100, 900));
        Assert.Equal(2_000, (long)await db.StringGetAsync(key));

        Assert.True(await quotas.ReleaseAsync(failed));
        Assert.False(await quotas.ReleaseAsync(failed));
        var settled = await quotas.SettleAsync(succeeded, tenant, user, 250, 0.0005m, DateTimeOffset.UtcNow);
        var again = await quotas.SettleAsync(succeeded, tenant, user, 250, 0.0005m, DateTimeOffset.UtcNow);

        Assert.True(settled.Applied);
        Assert.False(again.Applied);
        Assert.Equal(250, (long)await db.StringGetAsync(key));
        Assert.Equal(500, (long)await db.StringGetAsync(QuotaKeys.TenantMonthCost(tenant, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A_minimum_of_all_the_output_tokens_is_denied_instead_of_granted_fewer()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 1_000 }, tier);
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());

        var allOrNothing = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 600, 500, MinimumOutputTokens: 500));
        var partial = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, user, tier, 600, 500));

        Assert.Equal((ReservationOutcome.QuotaExceeded, "user_tokens_per_day"), (allOrNothing.Outcome, allOrNothing.Limit));
        Assert.Equal(400, partial.GrantedOutputTokens);
    }

    [Fact]
    public async Task A_trim_gives_back_the_prompt_tokens_and_their_cost_and_release_and_settle_use_the_trimmed_amounts()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 100_000 }, tier);
        var (tenant, user, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var db = fixture.Redis.GetDatabase();
        var (released, settled) = (Guid.NewGuid(), Guid.NewGuid());
        async Task<(long User, long Tenant, long Cost)> CountersAsync() => (
            (long)await db.StringGetAsync(QuotaKeys.UserDayTokens(tenant, user, now)),
            (long)await db.StringGetAsync(QuotaKeys.TenantDayTokens(tenant, now)),
            (long)await db.StringGetAsync(QuotaKeys.TenantMonthCost(tenant, now)));

        // 16,000 prompt tokens at 1 micro-USD and 1,000 output tokens at 2: 17,000 tokens and 18,000 micro-USD each.
        await quotas.ReserveAsync(new(released, tenant, user, tier, 16_000, 1_000));
        await quotas.ReserveAsync(new(settled, tenant, user, tier, 16_000, 1_000));
        Assert.Equal((34_000, 34_000, 36_000), await CountersAsync());

        Assert.True(await quotas.TrimAsync(released, 120));
        Assert.False(await quotas.TrimAsync(released, 500)); // never raised
        Assert.Equal((18_120, 18_120, 20_120), await CountersAsync());

        Assert.True(await quotas.ReleaseAsync(released));
        Assert.Equal((17_000, 17_000, 18_000), await CountersAsync());
        Assert.False(await quotas.TrimAsync(released, 100)); // gone: nothing to trim

        Assert.True(await quotas.TrimAsync(settled, 300));
        await quotas.SettleAsync(settled, tenant, user, 450, 0.0006m, now);
        Assert.Equal((450, 450, 600), await CountersAsync());
    }

    [Fact]
    public async Task Kill_switch_and_tenant_disable_refuse_every_reservation()
    {
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits(), tier);
        var tenant = Guid.NewGuid();
        var db = fixture.Redis.GetDatabase();

        await db.HashSetAsync(QuotaKeys.TenantLimits(tenant), QuotaKeys.Fields.Disabled, 1);
        var tenantOff = await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), tier, 10, 100));
        var otherTenant = await quotas.ReserveAsync(new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), tier, 10, 100));

        Assert.Equal((ReservationOutcome.Disabled, "tenant"), (tenantOff.Outcome, tenantOff.Limit));
        Assert.True(otherTenant.IsGranted);
    }
}
