using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class TenantEvaluationSettingsConfiguration : IEntityTypeConfiguration<TenantEvaluationSettings>
{
    public void Configure(EntityTypeBuilder<TenantEvaluationSettings> builder)
    {
        builder.ToTable("tenant_evaluation_settings");
        // GET/PUT /api/prompts/evaluation-settings and the gate's read: by primary key.
        builder.HasKey(s => s.TenantId);
    }
}
