using System.Net;
using System.Net.Http.Json;
using Chatbot.Billing.IntegrationTests.Infrastructure;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>
/// Billing's admin actions reach the admin audit log (docs/audit.md) through billing's outbox and chat's store:
/// <c>GET /api/audit</c> on chat shows them to the tenant's admin, without the webhook secret, URL or alert address,
/// and not to another tenant's admin.
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
}
