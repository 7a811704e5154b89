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
public sealed class AlertAndKillSwitchTests(BillingFixture fixture)
{
    [Fact]
    public async Task Each_threshold_alert_fires_once_as_a_signed_webhook_with_retries_and_an_email()
    {
        await using var hook = new WebhookListener(failFirst: 1);
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = await AlertedTenant.CreateAsync(billing, hook, monthlyBudgetUsd: 1m);
        var bus = billing.Services.GetRequiredService<IBus>();

        var first = Usage.Of(admin.TenantId, admin.UserId, 10, 10, 0.75m);
        await bus.Publish(first);
        await bus.Publish(first with { CorrelationId = Guid.NewGuid() });
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(hook.Posts.Any(p => p.Status == 200))));
        await bus.Publish(Usage.Of(admin.TenantId, admin.UserId, 10, 10, 0.10m));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(hook.Posts.Count(p => p.Status == 200) == 2)));
        await Task.Delay(1000);

        var delivered = hook.Posts.Where(p => p.Status == 200).ToList();
        var thresholds = delivered.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("thresholdPercent").GetInt32()).Order().ToList();
        Assert.Equal([70, 80], thresholds);
        Assert.All(delivered, p => Assert.Equal(WebhookSignature.Compute(AlertedTenant.WebhookSecret, long.Parse(p.Timestamp), p.Body), p.Signature));
        Assert.Contains(hook.Posts, p => p.Status == 500); // the first post failed and was retried
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Directory.GetFiles(billing.MailFolder, "*.eml").Length == 2)));
    }

    [Fact]
    public async Task Kill_switch_refuses_generation_platform_wide_and_a_platform_admin_re_enables_it()
    {
        var db = fixture.Redis.GetDatabase();
        await db.KeyDeleteAsync(QuotaKeys.PlatformHourCost(DateTimeOffset.UtcNow));
        await using var billing = new BillingApiFactory(fixture.Infra, new Dictionary<string, string> { ["Billing:HourlySpendCeilingUsd"] = "0.05" });
        var user = TestUser.NewTenant(role: "platform-admin");
        var quotas = billing.Services.GetRequiredService<QuotaReservations>();
        try
        {
            await billing.Services.GetRequiredService<IBus>().Publish(Usage.Of(user.TenantId, user.UserId, 10, 10, 0.06m));
            Assert.True(await Eventually.HoldsAsync(async () => await db.KeyExistsAsync(QuotaKeys.KillSwitch)));

            var refused = await quotas.ReserveAsync(new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "pro", 10, 100));
            var state = await billing.CreateClient(user).GetFromJsonAsync<KillSwitchState>("/api/billing/kill-switch");
            var memberClear = await billing.CreateClient(user with { Role = "member" }).DeleteAsync("/api/billing/kill-switch");
            var adminClear = await billing.CreateClient(user).DeleteAsync("/api/billing/kill-switch");
            var granted = await quotas.ReserveAsync(new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "pro", 10, 100));

            Assert.Equal((ReservationOutcome.Disabled, "platform"), (refused.Outcome, refused.Limit));
            Assert.True(state!.Tripped);
            Assert.Equal(HttpStatusCode.Forbidden, memberClear.StatusCode);
            Assert.Equal(HttpStatusCode.OK, adminClear.StatusCode);
            Assert.True(granted.IsGranted);
        }
        finally
        {
            await db.KeyDeleteAsync(QuotaKeys.KillSwitch);
        }
    }
}
