using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class PromptEvaluationConfiguration : IEntityTypeConfiguration<PromptEvaluation>
{
    public void Configure(EntityTypeBuilder<PromptEvaluation> builder)
    {
        builder.ToTable("prompt_evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SetName).HasMaxLength(100);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Cases).HasColumnType("jsonb");
        builder.Property(e => e.FailureReason).HasMaxLength(1000);
        // The gate reads a version's latest evaluation; the list reads a version's evaluations newest first.
        builder.HasIndex(e => new { e.TenantId, e.PromptVersion, e.CreatedAt });
    }
}
