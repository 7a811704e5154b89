using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Contracts.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Messaging;

/// <summary>Keeps the tenant's tier (which plan its monthly budget and alerts follow) in step with identity.</summary>
public sealed class RecordTenantTierConsumer(BillingDbContext db) : IConsumer<TenantTierChanged>
{
    public async Task Consume(ConsumeContext<TenantTierChanged> context)
    {
        var tier = context.Message.Tier.ToLowerInvariant();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TenantId == context.Message.TenantId, context.CancellationToken);
        if (tenant is null)
        {
            db.Tenants.Add(new TenantBilling { TenantId = context.Message.TenantId, Tier = tier });
        }
        else
        {
            tenant.Tier = tier;
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
