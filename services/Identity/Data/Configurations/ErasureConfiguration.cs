using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Identity.Data.Configurations;

internal sealed class ErasureConfiguration : IEntityTypeConfiguration<Erasure>
{
    public void Configure(EntityTypeBuilder<Erasure> builder)
    {
        builder.Property(e => e.SubjectKind).HasMaxLength(Erasure.SubjectKindMaxLength);
        builder.Property(e => e.SubjectHash).HasMaxLength(64);
        builder.Property(e => e.RequestedBy).HasMaxLength(32);
        // A repeated request for the same subject finds its erasure by this index (and two racing ones cannot both insert).
        builder.HasIndex(e => e.SubjectHash).IsUnique();
        // No foreign key to Tenants: the receipt outlives an erased tenant.
        builder.HasIndex(e => e.TenantId);
    }
}
