using System.Net;
using System.Net.Http.Json;
using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.IntegrationTests.Infrastructure;
using Chatbot.ServiceDefaults.Tenancy;
using Chatbot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>billingdb's tenant-scoped tables under row-level security (migration RowLevelSecurity), fail closed.</summary>
[Collection(BillingCollection.Name)]
public sealed class RowLevelSecurityTests(BillingFixture fixture)
{
    [Theory]
    [InlineData("usage_entries", "reply_id")]
    [InlineData("tenant_billing", "tenant_id")]
    [InlineData("user_limits", "user_id")]
    [InlineData("budget_alerts", "tenant_id")]
    [InlineData("budget_exhaustions", "subject_id")]
    public async Task The_app_role_sees_nothing_without_a_tenant_and_cannot_write_another_tenants_rows(string table, string key)
    {
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(tenant);
        var probe = new RowLevelSecurityProbe(fixture.Infra.BillingDb, BillingTenancy.Role);

        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: null));
        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: other));
        Assert.Equal(1, await probe.CountAsync(table, tenant, actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, key, tenant, other, actingFor: null));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, key, tenant, other, actingFor: tenant));
    }

    [Fact]
    public async Task The_services_own_context_runs_as_the_app_role_and_sees_only_the_entered_tenant()
    {
        var tenant = Guid.NewGuid();
        await SeedAsync(tenant);
        await using var billing = new BillingApiFactory(fixture.Infra);
        await using var scope = billing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();

        Assert.False(await db.UsageEntries.AnyAsync(u => u.TenantId == tenant));
        using (TenantContext.Enter(Guid.NewGuid()))
        {
            Assert.False(await db.UsageEntries.AnyAsync(u => u.TenantId == tenant));
        }
        using (TenantContext.Enter(tenant))
        {
            Assert.True(await db.UsageEntries.AnyAsync(u => u.TenantId == tenant));
            Assert.Equal(BillingTenancy.Role, await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync());
        }
    }

    [Fact]
    public async Task A_platform_admin_sets_another_tenants_limits_as_that_tenant()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = TestUser.NewTenant(role: "platform-admin");
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        using var client = billing.CreateClient(admin);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/billing/tenants/{tenant}", new
        {
            userTokensPerDay = 1000, tenantTokensPerDay = (long?)null, requestsPerMinute = (int?)null, monthlyBudgetUsd = (decimal?)null,
            disabled = false,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/billing/tenants/{tenant}/users/{user}",
            new { tokensPerDay = 100, requestsPerMinute = (int?)null })).StatusCode);

        await using var db = fixture.NewDb();
        Assert.Equal(1000, (await db.Tenants.SingleAsync(t => t.TenantId == tenant)).UserTokensPerDay);
        Assert.Equal(100, (await db.UserLimits.SingleAsync(u => u.TenantId == tenant && u.UserId == user)).TokensPerDay);
    }

    private async Task SeedAsync(Guid tenant)
    {
        await using var db = fixture.NewDb(); // the migrating superuser: no row-level security
        var now = DateTimeOffset.UtcNow;
        db.UsageEntries.Add(new UsageEntry
        {
            ReplyId = Guid.NewGuid(), TenantId = tenant, UserId = Guid.NewGuid(), ConversationId = Guid.NewGuid(), Provider = "test",
            Model = "test", InputTokens = 1, OutputTokens = 1, Cost = 0.001m, OccurredAt = now, RecordedAt = now,
        });
        db.Tenants.Add(new TenantBilling { TenantId = tenant });
        db.UserLimits.Add(new UserLimit { TenantId = tenant, UserId = Guid.NewGuid(), TokensPerDay = 10 });
        db.BudgetAlerts.Add(new BudgetAlert { TenantId = tenant, Period = "2026-12", ThresholdPercent = 70, SentAt = now });
        db.BudgetExhaustions.Add(new BudgetExhaustion { TenantId = tenant, Scope = "tenant_monthly_budget", SubjectId = tenant, Period = "2026-12", SentAt = now });
        await db.SaveChangesAsync();
    }
}
