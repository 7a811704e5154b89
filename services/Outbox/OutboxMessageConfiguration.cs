using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).UseIdentityAlwaysColumn();
        builder.Property(o => o.MessageType).HasMaxLength(300);
        builder.Property(o => o.Payload).HasColumnType("jsonb");
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.Property(o => o.DeadLetterReason).HasMaxLength(2100);
        // The dispatcher: due live rows in id order, and "no earlier live row of the same conversation" checks.
        // Dead-lettered rows are outside both partial indexes: they cost the dispatcher nothing.
        builder.HasIndex(o => o.NextAttemptAt).HasFilter("dead_lettered_at IS NULL");
        builder.HasIndex(o => new { o.OrderingKey, o.Id }).HasFilter("dead_lettered_at IS NULL");
    }
}
