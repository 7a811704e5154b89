using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class OpenAiPolicyConfiguration : IEntityTypeConfiguration<OpenAiPolicy>
{
    public void Configure(EntityTypeBuilder<OpenAiPolicy> builder)
    {
        builder.ToTable("openai_policies");
        // One row per tenant: the primary key is the lookup index of every /v1 request (behind a short cache).
        builder.HasKey(p => p.TenantId);
        builder.Property(p => p.DefaultModel).HasMaxLength(OpenAiPolicyLimits.MaxAliasLength);
    }
}
