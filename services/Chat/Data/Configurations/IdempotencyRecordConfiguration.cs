using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        // Keys are scoped per user: the primary key is the lookup index of POST .../messages.
        builder.HasKey(k => new { k.TenantId, k.UserId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.HasIndex(k => k.CreatedAt);
    }
}
