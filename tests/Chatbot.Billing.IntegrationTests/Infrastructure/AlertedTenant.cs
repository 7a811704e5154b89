using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>A new tenant whose admin set a monthly budget (as platform admin) and the alert webhook and e-mail.</summary>
public static class AlertedTenant
{
    public const string WebhookSecret = "a-webhook-secret-of-32-characters";

    public static async Task<TestUser> CreateAsync(BillingApiFactory billing, WebhookListener hook, decimal monthlyBudgetUsd)
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        Assert.Equal(HttpStatusCode.OK, (await billing.CreateClient(admin with { Role = "platform-admin" }).PutAsJsonAsync(
            $"/api/billing/tenants/{admin.TenantId}", new { monthlyBudgetUsd, disabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await billing.CreateClient(admin).PutAsJsonAsync("/api/billing/alerts",
            new { webhookUrl = hook.Url, webhookSecret = WebhookSecret, alertEmail = "owner@example.test" })).StatusCode);
        return admin;
    }
}
