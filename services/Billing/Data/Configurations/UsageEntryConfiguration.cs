using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class UsageEntryConfiguration : IEntityTypeConfiguration<UsageEntry>
{
    public void Configure(EntityTypeBuilder<UsageEntry> e)
    {
        e.ToTable("usage_entries");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).UseIdentityAlwaysColumn();
        e.HasIndex(u => u.ReplyId).IsUnique();
        e.HasIndex(u => new { u.TenantId, u.OccurredAt });
        e.HasIndex(u => new { u.TenantId, u.UserId, u.OccurredAt });
        e.HasIndex(u => u.OccurredAt);
        e.Property(u => u.Provider).HasMaxLength(100);
        e.Property(u => u.Model).HasMaxLength(200);
        e.Property(u => u.Cost).HasPrecision(18, 8);
        e.Property(u => u.SavedCost).HasPrecision(18, 8);
    }
}
