using System.Text.Json;
using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class PromptExperimentConfiguration : IEntityTypeConfiguration<PromptExperiment>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PromptExperiment> builder)
    {
        builder.ToTable("prompt_experiments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Variants).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<ExperimentVariant>>(s, Json) ?? new List<ExperimentVariant>(),
            new ValueComparer<List<ExperimentVariant>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        // At most one running experiment per scope (NULL = the global default's); the send path's lookup reads it.
        builder.HasIndex(e => e.TenantId).IsUnique().AreNullsDistinct(false).HasFilter("status = 'running'")
            .HasDatabaseName("ix_prompt_experiments_one_running");
        // GET /api/prompts/experiments lists a scope's experiments newest first.
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt });
    }
}
