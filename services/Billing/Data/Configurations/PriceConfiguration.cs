using Chatbot.Billing.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatbot.Billing.Data.Configurations;

internal sealed class PriceConfiguration : IEntityTypeConfiguration<Price>
{
    public void Configure(EntityTypeBuilder<Price> e)
    {
        e.ToTable("prices");
        e.HasKey(p => p.Id);
        e.HasIndex(p => new { p.Provider, p.Model, p.EffectiveFrom }).IsUnique();
        e.Property(p => p.Provider).HasMaxLength(100);
        e.Property(p => p.Model).HasMaxLength(200);
        e.Property(p => p.InputPerMillion).HasPrecision(18, 6);
        e.Property(p => p.OutputPerMillion).HasPrecision(18, 6);
        e.Property(p => p.CachedPerMillion).HasPrecision(18, 6);
    }
}
