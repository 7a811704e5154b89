using Chatbot.Contracts.Chat;
using Chatbot.Moderation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>Moderation follows chat's retention clock (issue 28 item 1): <see cref="RetentionApplied"/> drops older review items and text.</summary>
[Collection(ModerationCollection.Name)]
public sealed class RetentionTests(ModerationFixture fixture)
{
    [Fact]
    public async Task Review_items_before_the_cutoff_are_deleted_and_older_audit_entries_lose_their_text_for_that_tenant_only()
    {
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        var cutoff = DateTimeOffset.UtcNow.AddDays(-30);
        var (old, recent, othersOld) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (oldAudit, recentAudit) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = fixture.NewDb())
        {
            db.ReviewItems.AddRange(Review(old, tenant, cutoff.AddDays(-1)), Review(recent, tenant, cutoff.AddDays(1)), Review(othersOld, other, cutoff.AddDays(-1)));
            db.AuditEntries.AddRange(Audit(oldAudit, tenant, cutoff.AddDays(-1)), Audit(recentAudit, tenant, cutoff.AddDays(1)));
            await db.SaveChangesAsync();
        }

        await fixture.Bus.Publish(new RetentionApplied(Guid.NewGuid(), DateTimeOffset.UtcNow, tenant, cutoff));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && await ExistsAsync(old))
        {
            await Task.Delay(100);
        }
        Assert.False(await ExistsAsync(old));
        await Task.Delay(500); // the audit entries' batch runs after the review items'
        await using var check = fixture.NewDb();
        Assert.True(await ExistsAsync(recent));
        Assert.True(await ExistsAsync(othersOld));
        var audits = await check.AuditEntries.AsNoTracking().Where(e => e.TenantId == tenant).ToDictionaryAsync(e => e.Id);
        Assert.Null(audits[oldAudit].MaskedText);
        Assert.Null(audits[oldAudit].TextHash);
        Assert.Equal("block", audits[oldAudit].Verdict);
        Assert.Equal("<EMAIL_1> says hi", audits[recentAudit].MaskedText);
    }

    private async Task<bool> ExistsAsync(Guid id)
    {
        await using var db = fixture.NewDb();
        return await db.ReviewItems.AnyAsync(r => r.Id == id);
    }

    private static ReviewItem Review(Guid id, Guid tenant, DateTimeOffset at) => new()
    {
        Id = id, TenantId = tenant, Source = "input", Categories = "pii", MaskedText = "<EMAIL_1> says hi", Status = ReviewStatuses.Pending, CreatedAt = at,
    };

    private static AuditEntry Audit(Guid id, Guid tenant, DateTimeOffset at) => new()
    {
        Id = id, TenantId = tenant, Actor = "system", Subject = "input", Verdict = "block", Categories = "pii", MaskedText = "<EMAIL_1> says hi",
        TextHash = "abc", CreatedAt = at,
    };
}
