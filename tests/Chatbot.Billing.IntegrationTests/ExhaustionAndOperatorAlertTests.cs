using Chatbot.ServiceDefaults.Webhooks;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Billing.Alerts;
using Chatbot.Billing.IntegrationTests.Infrastructure;
using Chatbot.Billing.KillSwitch;
using Chatbot.Billing.Quotas;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Contracts.Billing;

namespace Chatbot.Billing.IntegrationTests;

[Collection(BillingCollection.Name)]
public sealed class ExhaustionAndOperatorAlertTests(BillingFixture fixture)
{
    private const string Secret = AlertedTenant.WebhookSecret;

    [Fact]
    public async Task A_used_up_budget_and_user_limit_each_publish_budget_exhausted_once_as_a_signed_webhook_and_an_email()
    {
        await using var hook = new WebhookListener(failFirst: 0);
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = await AlertedTenant.CreateAsync(billing, hook, monthlyBudgetUsd: 1m);
        Assert.Equal(HttpStatusCode.OK, (await billing.CreateClient(admin with { Role = "platform-admin" }).PutAsJsonAsync(
            $"/api/billing/tenants/{admin.TenantId}/users/{admin.UserId}", new { tokensPerDay = 100 })).StatusCode);
        var bus = billing.Services.GetRequiredService<IBus>();

        await bus.Publish(Usage.Of(admin.TenantId, admin.UserId, 30, 30, 0.75m)); // 75 % of the budget, 60 of 100 tokens
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Exhausted(hook).Count == 0 && hook.Posts.Count == 1)));
        await bus.Publish(Usage.Of(admin.TenantId, admin.UserId, 30, 30, 0.30m)); // 105 %, 120 tokens: both used up
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Exhausted(hook).Count == 2)));
        await bus.Publish(Usage.Of(admin.TenantId, admin.UserId, 5, 5, 0.01m)); // still used up: nothing new
        await Task.Delay(1500);

        var exhausted = Exhausted(hook);
        Assert.Equal(["tenant_monthly_budget", "user_tokens_per_day"], exhausted.Select(e => e.Json.GetProperty("scope").GetString()).Order());
        var user = exhausted.Single(e => e.Json.GetProperty("scope").GetString() == "user_tokens_per_day").Json;
        Assert.Equal((admin.UserId, 120m, 100m), (user.GetProperty("userId").GetGuid(), user.GetProperty("used").GetDecimal(), user.GetProperty("limit").GetDecimal()));
        Assert.Equal(QuotaPeriods.NextDay(DateTimeOffset.UtcNow), user.GetProperty("resetsAt").GetDateTimeOffset());
        Assert.All(exhausted, e => Assert.Equal(WebhookSignature.Compute(Secret, long.Parse(e.Post.Timestamp), e.Post.Body), e.Post.Signature));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(MailsWith(billing.MailFolder, "Subject: Budget used up") == 2)));
    }

    [Fact]
    public async Task Kill_switch_alert_reaches_the_operator_webhook_signed_with_retries_and_the_operator_email_once_per_window()
    {
        var db = fixture.Redis.GetDatabase();
        var hour = QuotaKeys.Hour(DateTimeOffset.UtcNow);
        await db.KeyDeleteAsync([QuotaKeys.PlatformHourCost(DateTimeOffset.UtcNow), QuotaKeys.KillSwitch,
            SpendKillSwitch.ClearedKey(hour), SpendKillSwitch.AlertedKey(hour)]);
        await using var hook = new WebhookListener(failFirst: 1);
        await using var billing = new BillingApiFactory(fixture.Infra, new Dictionary<string, string>
        {
            ["Billing:HourlySpendCeilingUsd"] = "0.05",
            ["Billing:Operator:WebhookUrl"] = hook.Url,
            ["Billing:Operator:WebhookSecret"] = Secret,
            ["Billing:Operator:Email"] = "ops@example.test",
        });
        var user = TestUser.NewTenant();
        try
        {
            var bus = billing.Services.GetRequiredService<IBus>();
            for (var i = 0; i < 3; i++) // every settlement is past the ceiling
            {
                await bus.Publish(Usage.Of(user.TenantId, user.UserId, 10, 10, 0.06m));
            }
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(hook.Posts.Any(p => p.Status == 200))));
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(MailsWith(billing.MailFolder, "To: ops@example.test") == 1)));
            await Task.Delay(1500);

            var delivered = Assert.Single(hook.Posts, p => p.Status == 200);
            Assert.Contains(hook.Posts, p => p.Status == 500); // the first post failed and was retried
            var json = JsonDocument.Parse(delivered.Body).RootElement;
            Assert.Equal(("platform.spend_ceiling_reached", hour), (json.GetProperty("type").GetString(), json.GetProperty("hour").GetString()));
            Assert.Equal(WebhookSignature.Compute(Secret, long.Parse(delivered.Timestamp), delivered.Body), delivered.Signature);
            Assert.Equal(1, MailsWith(billing.MailFolder, "To: ops@example.test"));
        }
        finally
        {
            await db.KeyDeleteAsync([QuotaKeys.KillSwitch, SpendKillSwitch.AlertedKey(hour)]);
        }
    }

    private static List<(JsonElement Json, (string Body, string Signature, string Timestamp, int Status) Post)> Exhausted(WebhookListener hook) =>
        [.. hook.Posts.Select(p => (Json: JsonDocument.Parse(p.Body).RootElement, Post: p))
            .Where(p => p.Json.GetProperty("type").GetString() == "budget.exhausted")];

    private static int MailsWith(string folder, string text) =>
        Directory.GetFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal));
}
