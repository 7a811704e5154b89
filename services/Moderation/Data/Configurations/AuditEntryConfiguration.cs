using Chatbot.Moderation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Moderation.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(32);
        builder.Property(e => e.Verdict).HasMaxLength(32);
        builder.Property(e => e.Categories).HasMaxLength(500);
        builder.Property(e => e.TextHash).HasMaxLength(64);
        builder.Property(e => e.MaskedText).HasMaxLength(4000);
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt, e.Id });
        builder.HasIndex(e => e.ReplyId);
        builder.HasIndex(e => e.MessageId).IsUnique().HasFilter("message_id IS NOT NULL");
    }
}
