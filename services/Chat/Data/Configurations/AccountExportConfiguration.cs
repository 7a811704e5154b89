using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class AccountExportConfiguration : IEntityTypeConfiguration<AccountExport>
{
    public void Configure(EntityTypeBuilder<AccountExport> builder)
    {
        builder.ToTable("account_exports");
        // GET /api/account/export/{id}, the download and the worker's claim: by primary key (then tenant and user in code).
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.FailureReason).HasMaxLength(200);
        // The erasure deletes a user's exports by tenant and user (EraseChatDataConsumer).
        builder.HasIndex(e => new { e.TenantId, e.UserId });
        // The worker's sweep for jobs not yet run (after a restart or a full queue), oldest first.
        builder.HasIndex(e => e.CreatedAt).HasDatabaseName("ix_account_exports_open_created_at")
            .HasFilter("status IN ('queued', 'running')");
    }
}
