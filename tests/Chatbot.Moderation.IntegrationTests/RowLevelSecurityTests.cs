using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>moderationdb's tenant-scoped tables under row-level security (migration RowLevelSecurity), fail closed.</summary>
[Collection(ModerationCollection.Name)]
public sealed class RowLevelSecurityTests(ModerationFixture fixture)
{
    [Theory]
    [InlineData("audit_entries", "id")]
    [InlineData("review_items", "id")]
    [InlineData("tenant_policies", "tenant_id")]
    public async Task The_app_role_sees_nothing_without_a_tenant_and_cannot_write_another_tenants_rows(string table, string key)
    {
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(tenant);
        var probe = new RowLevelSecurityProbe(fixture.ModerationDb, ModerationTenancy.Role);

        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: null));
        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: other));
        Assert.Equal(1, await probe.CountAsync(table, tenant, actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, key, tenant, other, actingFor: null));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, key, tenant, other, actingFor: tenant));
    }

    [Fact]
    public async Task The_services_own_context_runs_as_the_app_role_and_sees_only_the_entered_tenant()
    {
        var tenant = Guid.NewGuid();
        await SeedAsync(tenant);
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();

        Assert.False(await db.ReviewItems.AnyAsync(r => r.TenantId == tenant));
        using (TenantContext.Enter(Guid.NewGuid()))
        {
            Assert.False(await db.ReviewItems.AnyAsync(r => r.TenantId == tenant));
        }
        using (TenantContext.Enter(tenant))
        {
            Assert.True(await db.ReviewItems.AnyAsync(r => r.TenantId == tenant));
            Assert.Equal(ModerationTenancy.Role, await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync());
        }
    }

    private async Task SeedAsync(Guid tenant)
    {
        await using var db = fixture.NewDb(); // the migrating superuser: no row-level security
        var now = DateTimeOffset.UtcNow;
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(), TenantId = tenant, Actor = "test", Subject = "input", Verdict = "allow", Categories = "", CreatedAt = now,
        });
        db.ReviewItems.Add(new ReviewItem
        {
            Id = Guid.NewGuid(), TenantId = tenant, Source = "input", Categories = "pii", MaskedText = "<EMAIL_1>",
            Status = ReviewStatuses.Pending, CreatedAt = now,
        });
        db.TenantPolicies.Add(new TenantPolicy { TenantId = tenant, Policy = "{}", Version = 1, UpdatedAt = now, UpdatedBy = Guid.NewGuid() });
        await db.SaveChangesAsync();
    }
}
