using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasMaxLength(16);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.Model).HasMaxLength(200);
        builder.Property(m => m.Provider).HasMaxLength(100);
        builder.Property(m => m.FailureCode).HasMaxLength(64);
        builder.Property(m => m.PromptRef).HasMaxLength(32);
        builder.Property(m => m.Variant).HasMaxLength(64);
        // GET /api/prompts/experiments/{id}/results reads an experiment's replies.
        builder.HasIndex(m => m.ExperimentId).HasFilter("experiment_id IS NOT NULL");
        builder.Property(m => m.FailureReason).HasMaxLength(1000);
        builder.Property(m => m.Cost).HasPrecision(18, 8);
        // GET /api/conversations/{id}/messages (keyset newest first) and the context window of a new turn.
        builder.HasIndex(m => new { m.TenantId, m.ConversationId, m.CreatedAt, m.Id }).IsDescending(false, false, true, true);
        // GET /api/replies/{id}/stream, cancel and the reply consumers look a message up by id (primary key).
    }
}
