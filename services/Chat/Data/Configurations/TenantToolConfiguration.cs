using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class TenantToolConfiguration : IEntityTypeConfiguration<TenantTool>
{
    public void Configure(EntityTypeBuilder<TenantTool> builder)
    {
        builder.ToTable("tools");
        builder.HasKey(t => t.Id);
        // The name is the tool's handle in the API and for the model: unique in its tenant; the index serves the list of a turn too.
        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(ToolLimits.MaxNameLength);
        builder.Property(t => t.Description).HasMaxLength(ToolLimits.MaxDescriptionLength);
        builder.Property(t => t.Parameters).HasColumnType("jsonb");
        builder.Property(t => t.Endpoint).HasMaxLength(ToolLimits.MaxEndpointLength);
        builder.Property(t => t.Risk).HasMaxLength(16);
    }
}
