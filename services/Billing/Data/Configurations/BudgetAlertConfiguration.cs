using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class BudgetAlertConfiguration : IEntityTypeConfiguration<BudgetAlert>
{
    public void Configure(EntityTypeBuilder<BudgetAlert> e)
    {
        e.ToTable("budget_alerts");
        e.HasKey(a => new { a.TenantId, a.Period, a.ThresholdPercent });
        e.Property(a => a.Period).HasMaxLength(16);
    }
}
