using Chatbot.Billing.Data;
using Chatbot.Contracts.Billing;
using Chatbot.ServiceDefaults.Email;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Alerts;

/// <summary>Mails budget alerts to the tenant's alert address (its own queue: a webhook retry never re-sends the mail).</summary>
public sealed class SendBudgetEmailConsumer(BillingDbContext db, IEmailSender mail)
    : IConsumer<BudgetThresholdReached>, IConsumer<BudgetExhausted>
{
    public Task Consume(ConsumeContext<BudgetThresholdReached> context)
    {
        var a = context.Message;
        return SendAsync(a.TenantId, $"Budget alert: {a.ThresholdPercent}% of this month's budget used",
            $"Your workspace has spent {a.SpentUsd:0.00} USD of its {a.BudgetUsd:0.00} USD budget for {a.Period} " +
            $"({a.ThresholdPercent}% threshold).", context.CancellationToken);
    }

    public Task Consume(ConsumeContext<BudgetExhausted> context)
    {
        var a = context.Message;
        var who = a.UserId is null ? "Your workspace" : $"User {a.UserId} of your workspace";
        return SendAsync(a.TenantId, $"Budget used up: {a.Scope} for {a.Period}",
            $"{who} has used {a.Used:0.####} of its {a.Limit:0.####} {a.Scope} limit for {a.Period}. " +
            $"New replies are refused until {a.ResetsAt:u}.", context.CancellationToken);
    }

    private async Task SendAsync(Guid tenantId, string subject, string body, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        if (tenant?.AlertEmail is { Length: > 0 } to)
        {
            await mail.SendAsync(new EmailMessage(to, subject, body), ct);
        }
    }
}
