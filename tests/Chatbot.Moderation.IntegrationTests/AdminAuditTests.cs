using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Audit;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Data.Entities;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>Moderation's admin actions reach the admin audit log (docs/audit.md) as AdminActionRecorded with before and after.</summary>
[Collection(ModerationCollection.Name)]
public sealed class AdminAuditTests(ModerationFixture fixture)
{
    [Fact]
    public async Task A_policy_change_is_recorded_with_the_policy_before_and_after()
    {
        var (tenant, adminId) = (Guid.NewGuid(), Guid.NewGuid());
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), adminId, tenant, "tenant-admin");
        using var saved = await admin.PutAsJsonAsync("/api/moderation/policy", new { actions = new Dictionary<string, string> { ["pii"] = "block" } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var entry = await fixture.WaitForAsync<AdminActionRecorded>(a => a.TenantId == tenant);
        Assert.Equal((adminId, "moderation", "moderation.policy.updated"), (entry.ActorId, entry.Service, entry.Action));
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("default", before.RootElement.GetProperty("source").GetString());
        Assert.Equal("mask", before.RootElement.GetProperty("policy").GetProperty("actions").GetProperty("pii").GetString());
        Assert.Equal("tenant", after.RootElement.GetProperty("source").GetString());
        Assert.Equal("block", after.RootElement.GetProperty("policy").GetProperty("actions").GetProperty("pii").GetString());
    }

    [Fact]
    public async Task A_review_decision_is_recorded_without_the_note()
    {
        var (tenant, adminId, itemId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = fixture.NewDb())
        {
            db.ReviewItems.Add(new ReviewItem
            {
                Id = itemId, TenantId = tenant, Source = "input", Categories = "pii", MaskedText = "<EMAIL_1>",
                Status = ReviewStatuses.Pending, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), adminId, tenant, "tenant-admin");
        using var decided = await admin.PostAsJsonAsync($"/api/moderation/reviews/{itemId}/reject", new { note = "call ada@example.com" });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);

        var entry = await fixture.WaitForAsync<AdminActionRecorded>(a => a.TenantId == tenant);
        Assert.Equal(("moderation.review.rejected", $"review-items/{itemId}"), (entry.Action, entry.Target));
        Assert.Contains("pending", entry.Before);
        Assert.Contains("rejected", entry.After);
        Assert.DoesNotContain("ada@example.com", entry.After);
    }

    [Fact]
    public async Task A_decision_and_its_audit_entry_commit_or_roll_back_together()
    {
        var (tenant, adminId) = (Guid.NewGuid(), Guid.NewGuid());
        var (rolledBack, committed) = (await SeedPendingAsync(tenant), await SeedPendingAsync(tenant));
        using (TenantContext.Enter(tenant))
        {
            await using (var scope = fixture.Service.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                Assert.True(await scope.ServiceProvider.GetRequiredService<ReviewQueue>().DecideAsync(tenant, rolledBack, adminId, true, null, default));
                Assert.Equal(1, await db.OutboxMessages.CountAsync(o => o.TenantId == tenant)); // the entry is in the change's transaction
                await transaction.RollbackAsync();
            }
            await using (var scope = fixture.Service.Services.CreateAsyncScope())
            {
                Assert.True(await scope.ServiceProvider.GetRequiredService<ReviewQueue>().DecideAsync(tenant, committed, adminId, true, null, default));
            }
        }

        // Same tenant, same ordering key: had the first entry been committed, it would have been published before this one.
        var entry = await fixture.WaitForAsync<AdminActionRecorded>(a => a.Target == $"review-items/{committed}");
        Assert.Equal((adminId, "moderation.review.approved"), (entry.ActorId, entry.Action));
        Assert.Empty(fixture.Received<AdminActionRecorded>(a => a.Target == $"review-items/{rolledBack}"));
        await using var check = fixture.NewDb();
        Assert.Equal(ReviewStatuses.Pending, (await check.ReviewItems.SingleAsync(r => r.Id == rolledBack)).Status);
        Assert.DoesNotContain(await check.OutboxMessages.Where(o => o.TenantId == tenant).ToListAsync(), o => o.Payload.Contains(rolledBack.ToString()));
    }

    private async Task<Guid> SeedPendingAsync(Guid tenant)
    {
        var id = Guid.NewGuid();
        await using var db = fixture.NewDb();
        db.ReviewItems.Add(new ReviewItem
        {
            Id = id, TenantId = tenant, Source = "input", Categories = "pii", MaskedText = "<EMAIL_1>",
            Status = ReviewStatuses.Pending, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
