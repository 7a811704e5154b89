using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(200);
        // GET /api/conversations: keyset (created_at, id) newest first within one user of one tenant.
        builder.HasIndex(c => new { c.TenantId, c.UserId, c.CreatedAt, c.Id }).IsDescending(false, false, true, true);
        // Retention: a tenant's conversations whose last activity is before its cutoff, oldest first, in batches.
        builder.HasIndex(c => new { c.TenantId, c.UpdatedAt });
        // Retention under the platform default: which tenants have conversations older than the default cutoff.
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
