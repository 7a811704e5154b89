using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class TenantBillingConfiguration : IEntityTypeConfiguration<TenantBilling>
{
    public void Configure(EntityTypeBuilder<TenantBilling> e)
    {
        e.ToTable("tenant_billing");
        e.HasKey(t => t.TenantId);
        e.Property(t => t.Tier).HasMaxLength(32);
        e.Property(t => t.MonthlyBudgetUsd).HasPrecision(18, 6);
        e.Property(t => t.WebhookUrl).HasMaxLength(2000);
        e.Property(t => t.WebhookSecret).HasMaxLength(200);
        e.Property(t => t.AlertEmail).HasMaxLength(320);
    }
}
