using Chatbot.Moderation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Moderation.Data.Configurations;

public sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.ToTable("review_items");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.Property(e => e.Categories).HasMaxLength(500);
        builder.Property(e => e.MaskedText).HasMaxLength(4000);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(1000);
        // The queue: a tenant's items by status, newest first, keyset-paginated on (created_at, id).
        builder.HasIndex(e => new { e.TenantId, e.Status, e.CreatedAt, e.Id });
        builder.HasIndex(e => e.ReplyId);
    }
}
