using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Chat.Data.Configurations;

internal sealed class TenantRetentionConfiguration : IEntityTypeConfiguration<TenantRetention>
{
    public void Configure(EntityTypeBuilder<TenantRetention> builder)
    {
        builder.ToTable("tenant_retention");
        // GET/PUT /api/tenant/retention and the job's per-tenant lookups: by primary key. The job's scan of tenants with
        // a limit of their own reads this small table whole (one row per tenant that ever had a setting or a run).
        builder.HasKey(r => r.TenantId);
    }
}
