using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class BudgetExhaustionConfiguration : IEntityTypeConfiguration<BudgetExhaustion>
{
    public void Configure(EntityTypeBuilder<BudgetExhaustion> e)
    {
        e.ToTable("budget_exhaustions");
        e.HasKey(a => new { a.TenantId, a.Scope, a.SubjectId, a.Period });
        e.Property(a => a.Scope).HasMaxLength(32);
        e.Property(a => a.Period).HasMaxLength(16);
    }
}
