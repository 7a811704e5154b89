using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Outbox;

/// <summary>
/// The outbox table, the same in every database that has one (the host's DbContext applies it in OnModelCreating). Names
/// are spelled out in snake_case because the dispatcher's SQL uses them, whatever naming the host's other tables follow.
/// </summary>
public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(o => o.Id).HasName("pk_outbox_messages");
        builder.Property(o => o.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(o => o.MessageId).HasColumnName("message_id");
        builder.Property(o => o.TenantId).HasColumnName("tenant_id");
        builder.Property(o => o.OrderingKey).HasColumnName("ordering_key");
        builder.Property(o => o.MessageType).HasColumnName("message_type").HasMaxLength(300);
        builder.Property(o => o.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(o => o.Priority).HasColumnName("priority");
        builder.Property(o => o.CreatedAt).HasColumnName("created_at");
        builder.Property(o => o.Attempts).HasColumnName("attempts");
        builder.Property(o => o.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(o => o.LastError).HasColumnName("last_error").HasMaxLength(2000);
        builder.Property(o => o.DeadLetteredAt).HasColumnName("dead_lettered_at");
        builder.Property(o => o.DeadLetterReason).HasColumnName("dead_letter_reason").HasMaxLength(2100);
        builder.Property(o => o.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.Property(o => o.TraceState).HasColumnName("trace_state").HasMaxLength(512);
        // The dispatcher: due live rows in id order, and "no earlier live row of the same ordering key" checks.
        // Dead-lettered rows are outside both partial indexes: they cost the dispatcher nothing.
        builder.HasIndex(o => o.NextAttemptAt).HasDatabaseName("ix_outbox_messages_next_attempt_at").HasFilter("dead_lettered_at IS NULL");
        builder.HasIndex(o => new { o.OrderingKey, o.Id }).HasDatabaseName("ix_outbox_messages_ordering_key_id").HasFilter("dead_lettered_at IS NULL");
    }
}
