using System.Text;
using System.Text.Json;
using Chatbot.Billing.Data;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Alerts;

/// <summary>Posts a budget alert to the tenant's webhook, signed; a failure throws so the definition's retries apply.</summary>
public sealed class SendBudgetWebhookConsumer(BillingDbContext db, IHttpClientFactory clients, TimeProvider clock,
    ILogger<SendBudgetWebhookConsumer> logger) : IConsumer<BudgetThresholdReached>
{
    public const string HttpClientName = "billing-webhooks";

    public async Task Consume(ConsumeContext<BudgetThresholdReached> context)
    {
        var alert = context.Message;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == alert.TenantId, context.CancellationToken);
        if (tenant?.WebhookUrl is not { Length: > 0 } url || tenant.WebhookSecret is not { Length: > 0 } secret)
        {
            BillingLog.NoWebhook(logger, alert.TenantId, alert.ThresholdPercent);
            return;
        }
        var body = JsonSerializer.Serialize(new
        {
            type = "budget.threshold_reached", tenantId = alert.TenantId, period = alert.Period,
            thresholdPercent = alert.ThresholdPercent, spentUsd = alert.SpentUsd, budgetUsd = alert.BudgetUsd, occurredAt = alert.OccurredAt,
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        request.Headers.Add("X-Chatbot-Delivery", alert.CorrelationId.ToString());
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, context.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
