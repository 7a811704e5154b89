using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Identity.Data.Configurations;

internal sealed class ErasureReportConfiguration : IEntityTypeConfiguration<ErasureReport>
{
    public void Configure(EntityTypeBuilder<ErasureReport> builder)
    {
        // The receipt reads by erasure id (the key's prefix); the key makes a redelivered report a no-op.
        builder.HasKey(r => new { r.ErasureId, r.Service, r.Store });
        builder.Property(r => r.Service).HasMaxLength(32);
        builder.Property(r => r.Store).HasMaxLength(32);
        builder.Property(r => r.Action).HasMaxLength(16);
        builder.HasOne<Erasure>().WithMany().HasForeignKey(r => r.ErasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
