using Chatbot.Billing.Data;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Alerts;

/// <summary>Mails a budget alert to the tenant's alert address (its own queue: a webhook retry never re-sends the mail).</summary>
public sealed class SendBudgetEmailConsumer(BillingDbContext db, IAlertEmailSender mail) : IConsumer<BudgetThresholdReached>
{
    public async Task Consume(ConsumeContext<BudgetThresholdReached> context)
    {
        var alert = context.Message;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == alert.TenantId, context.CancellationToken);
        if (tenant?.AlertEmail is not { Length: > 0 } to)
        {
            return;
        }
        await mail.SendAsync(to, $"Budget alert: {alert.ThresholdPercent}% of this month's budget used",
            $"Your workspace has spent {alert.SpentUsd:0.00} USD of its {alert.BudgetUsd:0.00} USD budget for {alert.Period} " +
            $"({alert.ThresholdPercent}% threshold).", context.CancellationToken);
    }
}
