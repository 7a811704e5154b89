using Chatbot.Moderation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Moderation.Data.Configurations;

public sealed class TenantPolicyConfiguration : IEntityTypeConfiguration<TenantPolicy>
{
    public void Configure(EntityTypeBuilder<TenantPolicy> builder)
    {
        builder.ToTable("tenant_policies");
        builder.HasKey(e => e.TenantId); // the only query: one tenant's row by primary key
        builder.Property(e => e.Policy).HasColumnType("jsonb");
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
