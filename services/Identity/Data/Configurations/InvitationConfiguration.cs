using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Identity.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.CodeHash).HasMaxLength(64);
        builder.Property(i => i.Role).HasMaxLength(32);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
