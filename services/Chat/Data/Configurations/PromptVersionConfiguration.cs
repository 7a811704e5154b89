using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class PromptVersionConfiguration : IEntityTypeConfiguration<PromptVersion>
{
    public void Configure(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.ToTable("prompt_versions");
        builder.HasKey(p => p.Id);
        // Version numbers per tenant (NULL = the global default): lists and "next version" read this index.
        builder.HasIndex(p => new { p.TenantId, p.Version }).IsUnique().AreNullsDistinct(false);
        // At most one active version per tenant and one active global default; the active lookup reads it.
        builder.HasIndex(p => p.TenantId).IsUnique().AreNullsDistinct(false).HasFilter("is_active")
            .HasDatabaseName("ix_prompt_versions_one_active");
    }
}
