using Chatbot.Billing.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Data;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<UsageEntry> UsageEntries => Set<UsageEntry>();
    public DbSet<Price> Prices => Set<Price>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<TenantBilling> Tenants => Set<TenantBilling>();
    public DbSet<UserLimit> UserLimits => Set<UserLimit>();
    public DbSet<BudgetAlert> BudgetAlerts => Set<BudgetAlert>();
    public DbSet<BudgetExhaustion> BudgetExhaustions => Set<BudgetExhaustion>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.UseSnakeCaseNames();
    }
}
