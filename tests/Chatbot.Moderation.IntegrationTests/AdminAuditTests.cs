using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Audit;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;

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
}
