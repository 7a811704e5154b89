using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class ReplyFeedbackConfiguration : IEntityTypeConfiguration<ReplyFeedback>
{
    public void Configure(EntityTypeBuilder<ReplyFeedback> builder)
    {
        builder.ToTable("reply_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Rating).HasMaxLength(8);
        builder.Property(f => f.Comment).HasMaxLength(ReplyFeedbackLimits.MaxCommentLength);
        // Goes with its reply: deleting a conversation, a user's data or a retention sweep takes the feedback (and its comment) too.
        builder.HasOne<Message>().WithMany().HasForeignKey(f => f.ReplyId).OnDelete(DeleteBehavior.Cascade);
        // One per user and reply (the upsert's conflict target); experiment results join replies to it by reply id.
        builder.HasIndex(f => new { f.ReplyId, f.UserId }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.UserId });
    }
}
