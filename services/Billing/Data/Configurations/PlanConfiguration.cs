using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.ToTable("plans");
        e.HasKey(p => p.Tier);
        e.Property(p => p.Tier).HasMaxLength(32);
        e.Property(p => p.MonthlyBudgetUsd).HasPrecision(18, 6);
        e.HasData(
            new Plan { Tier = "free", UserTokensPerDay = 10_000, TenantTokensPerDay = 100_000, RequestsPerMinute = 10, MonthlyBudgetUsd = 5m },
            new Plan { Tier = "pro", UserTokensPerDay = 100_000, TenantTokensPerDay = 2_000_000, RequestsPerMinute = 60, MonthlyBudgetUsd = 200m },
            new Plan { Tier = "enterprise", UserTokensPerDay = 1_000_000, RequestsPerMinute = 300, MonthlyBudgetUsd = 10_000m });
    }
}
