using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Identity.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.Use).HasMaxLength(8);
        builder.Property(k => k.Algorithm).HasMaxLength(32);
        builder.HasIndex(k => new { k.Use, k.RetiresAt });
    }
}
