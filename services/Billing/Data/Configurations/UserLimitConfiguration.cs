using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class UserLimitConfiguration : IEntityTypeConfiguration<UserLimit>
{
    public void Configure(EntityTypeBuilder<UserLimit> e)
    {
        e.ToTable("user_limits");
        e.HasKey(u => new { u.TenantId, u.UserId });
    }
}
