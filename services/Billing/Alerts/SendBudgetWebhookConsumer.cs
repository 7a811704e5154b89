using Chatbot.Billing.Data;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Alerts;

/// <summary>Posts budget alerts (a threshold crossed, a limit used up) to the tenant's webhook, signed, with retries.</summary>
public sealed class SendBudgetWebhookConsumer(BillingDbContext db, SignedWebhookSender sender, ILogger<SendBudgetWebhookConsumer> logger)
    : IConsumer<BudgetThresholdReached>, IConsumer<BudgetExhausted>
{
    public Task Consume(ConsumeContext<BudgetThresholdReached> context)
    {
        var a = context.Message;
        return PostAsync(a.TenantId, a.CorrelationId, "budget.threshold_reached", new
        {
            type = "budget.threshold_reached", tenantId = a.TenantId, period = a.Period, thresholdPercent = a.ThresholdPercent,
            spentUsd = a.SpentUsd, budgetUsd = a.BudgetUsd, occurredAt = a.OccurredAt,
        }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<BudgetExhausted> context)
    {
        var a = context.Message;
        return PostAsync(a.TenantId, a.CorrelationId, "budget.exhausted", new
        {
            type = "budget.exhausted", tenantId = a.TenantId, userId = a.UserId, scope = a.Scope, period = a.Period,
            used = a.Used, limit = a.Limit, resetsAt = a.ResetsAt, occurredAt = a.OccurredAt,
        }, context.CancellationToken);
    }

    private async Task PostAsync(Guid tenantId, Guid deliveryId, string type, object payload, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        if (tenant?.WebhookUrl is not { Length: > 0 } url || tenant.WebhookSecret is not { Length: > 0 } secret)
        {
            BillingLog.NoWebhook(logger, tenantId, type);
            return;
        }
        await sender.PostAsync(url, secret, payload, deliveryId, ct);
    }
}
