using System.Text.RegularExpressions;
using Chatbot.Moderation.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Data;

public sealed partial class ModerationDbContext(DbContextOptions<ModerationDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<TenantPolicy> TenantPolicies => Set<TenantPolicy>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModerationDbContext).Assembly);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            property.SetColumnName(Upper().Replace(property.Name, "_$1").ToLowerInvariant());
        }
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Upper();
}
