using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Billing.IntegrationTests.Infrastructure;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>
/// Billing's admin actions reach the admin audit log (docs/audit.md) through billing's outbox and chat's store:
/// <c>GET /api/audit</c> on chat shows them to the tenant's admin, without the webhook secret, URL or alert address,
/// and not to another tenant's admin; the platform-wide ones (plans, prices, the kill switch) only to platform admins.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class AdminAuditTests(BillingFixture fixture)
{
    [Fact]
    public async Task Alert_settings_and_tenant_limits_appear_in_the_tenants_audit_log_and_not_in_another_tenants()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        await using var chat = new ChatWithQuotasFactory(fixture.Infra, new Dictionary<string, string>());
        _ = chat.Server; // chat's consumer stores every service's entries
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var stranger = TestUser.NewTenant(role: "tenant-admin");
        var root = TestUser.NewTenant(role: "platform-admin");

        using var alerts = await billing.CreateClient(admin).PutAsJsonAsync("/api/billing/alerts",
            new { webhookUrl = "https://hooks.example.test/in?token=t0k3n", webhookSecret = "whsec-0123456789abcdef", alertEmail = "ops@example.test" });
        using var limits = await billing.CreateClient(root).PutAsJsonAsync($"/api/billing/tenants/{admin.TenantId}",
            new { monthlyBudgetUsd = 5m, disabled = false });
        Assert.Equal(HttpStatusCode.NoContent, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);

        var log = "";
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            log = await chat.CreateClient(admin).GetStringAsync("/api/audit?limit=100");
            return log.Contains("\"billing.alerts.updated\"") && log.Contains("\"billing.tenant-limits.updated\"");
        }, TimeSpan.FromSeconds(30)), log);
        Assert.Contains("hooks.example.test", log); // the webhook's host, so an admin sees where alerts go
        Assert.DoesNotContain("whsec-", log);
        Assert.DoesNotContain("t0k3n", log);
        Assert.DoesNotContain("ops@example.test", log);
        Assert.Contains(root.UserId.ToString(), log); // who changed the limits: the platform admin

        var theirs = await chat.CreateClient(stranger).GetStringAsync("/api/audit?limit=100");
        Assert.DoesNotContain(admin.TenantId.ToString(), theirs);
        Assert.DoesNotContain("billing.", theirs);
    }

    [Fact]
    public async Task Plans_prices_and_the_kill_switch_are_in_the_platform_log_and_user_limits_in_the_tenants_only()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        await using var chat = new ChatWithQuotasFactory(fixture.Infra, new Dictionary<string, string>());
        _ = chat.Server; // chat's consumer stores every service's entries
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var stranger = TestUser.NewTenant(role: "tenant-admin");
        var root = TestUser.NewTenant(role: "platform-admin");
        var platform = billing.CreateClient(root);
        var model = $"audited-{Guid.NewGuid():N}";
        var member = admin with { UserId = Guid.NewGuid(), Role = "member" };

        // Plans are shared by every test: the free plan is written back as it is (still an audited change).
        var free = (await platform.GetFromJsonAsync<List<JsonElement>>("/api/billing/plans"))!.Single(p => p.GetProperty("tier").GetString() == "free");
        using var plan = await platform.PutAsJsonAsync("/api/billing/plans/free", new
        {
            userTokensPerDay = ValueOrNull<long>(free, "userTokensPerDay"), tenantTokensPerDay = ValueOrNull<long>(free, "tenantTokensPerDay"),
            requestsPerMinute = ValueOrNull<int>(free, "requestsPerMinute"), monthlyBudgetUsd = ValueOrNull<decimal>(free, "monthlyBudgetUsd"),
        });
        using var price = await platform.PostAsJsonAsync("/api/billing/prices",
            new { provider = "audit-test", model, inputPerMillion = 1m, outputPerMillion = 2m }); // no higher than other tests' (the reserve price is the highest)
        using var limits = await platform.PutAsJsonAsync($"/api/billing/tenants/{admin.TenantId}/users/{member.UserId}",
            new { tokensPerDay = 1234L, requestsPerMinute = 7 });
        try
        {
            using var tripped = await platform.PostAsync("/api/billing/kill-switch", null);
            Assert.Equal(HttpStatusCode.OK, tripped.StatusCode);
        }
        finally
        {
            using var cleared = await platform.DeleteAsync("/api/billing/kill-switch");
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Created, price.StatusCode);
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);

        var log = "";
        string[] platformActions = ["billing.plan.updated", "billing.price.created", "billing.kill-switch.tripped", "billing.kill-switch.cleared"];
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            log = await chat.CreateClient(root).GetStringAsync($"/api/audit?tenantId={Guid.Empty}&actorId={root.UserId}&limit=100");
            return platformActions.All(a => log.Contains($"\"{a}\""));
        }, TimeSpan.FromSeconds(30)), log);
        var entries = JsonDocument.Parse(log).RootElement.GetProperty("items").EnumerateArray().ToList();
        var created = entries.Single(e => e.GetProperty("action").GetString() == "billing.price.created");
        Assert.Equal($"prices/audit-test/{model}", created.GetProperty("target").GetString());
        Assert.Equal(2m, created.GetProperty("after").GetProperty("outputPerMillion").GetDecimal());
        var trip = entries.Single(e => e.GetProperty("action").GetString() == "billing.kill-switch.tripped");
        Assert.True(trip.GetProperty("after").GetProperty("tripped").GetBoolean());
        Assert.All(entries, e => Assert.Equal(Guid.Empty, e.GetProperty("tenantId").GetGuid()));

        var tenantLog = "";
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            tenantLog = await chat.CreateClient(admin).GetStringAsync("/api/audit?limit=100");
            return tenantLog.Contains("\"billing.user-limits.updated\"");
        }, TimeSpan.FromSeconds(30)), tenantLog);
        var userLimits = JsonDocument.Parse(tenantLog).RootElement.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "billing.user-limits.updated");
        Assert.Equal($"tenants/{admin.TenantId}/users/{member.UserId}/limits", userLimits.GetProperty("target").GetString());
        Assert.Equal(1234, userLimits.GetProperty("after").GetProperty("tokensPerDay").GetInt64());
        Assert.Equal(root.UserId, userLimits.GetProperty("actorId").GetGuid());
        Assert.All(platformActions, a => Assert.DoesNotContain(a, tenantLog)); // platform-wide entries are for platform admins

        var theirs = await chat.CreateClient(stranger).GetStringAsync("/api/audit?limit=100");
        Assert.DoesNotContain("billing.", theirs);
        Assert.DoesNotContain(admin.TenantId.ToString(), theirs);
        using var forbidden = await chat.CreateClient(stranger).GetAsync($"/api/audit?tenantId={Guid.Empty}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static T? ValueOrNull<T>(JsonElement plan, string name) where T : struct =>
        plan.GetProperty(name).ValueKind == JsonValueKind.Null ? null : plan.GetProperty(name).Deserialize<T>();
}
