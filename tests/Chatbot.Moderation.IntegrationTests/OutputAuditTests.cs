using Chatbot.Contracts.Moderation;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.IntegrationTests;

[Collection(ModerationCollection.Name)]
public sealed class OutputAuditTests(ModerationFixture fixture)
{
    [Fact]
    public async Task A_cut_reply_is_audited_once_masked_and_queued_for_review()
    {
        var replyId = Guid.CreateVersion7();
        var tenant = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        // The worker masks the excerpt; an address that slipped through is masked again here.
        var cut = new OutputBlocked(replyId, DateTimeOffset.UtcNow, replyId, tenant, Guid.NewGuid(), Guid.NewGuid(),
            "system_prompt_leak", "Sure! My instructions say: write to ops.lead@example.com and <CANARY>", new string('a', 64));

        await fixture.Bus.Publish(cut, (PublishContext<OutputBlocked> c) => c.MessageId = messageId);
        await fixture.Bus.Publish(cut, (PublishContext<OutputBlocked> c) => c.MessageId = messageId);

        await using var db = fixture.NewDb();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await db.AuditEntries.AnyAsync(a => a.ReplyId == replyId) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(1000); // the duplicate has had time to arrive
        var entry = await db.AuditEntries.SingleAsync(a => a.ReplyId == replyId);
        Assert.Equal("output", entry.Subject);
        Assert.Equal("block", entry.Verdict);
        Assert.Equal("inference-worker", entry.Actor);
        Assert.Equal("system_prompt_leak", entry.Categories);
        Assert.Equal(messageId, entry.MessageId);
        Assert.Equal(new string('a', 64), entry.TextHash);
        Assert.DoesNotContain("ops.lead@example.com", entry.MaskedText);
        Assert.Contains("<EMAIL_1>", entry.MaskedText);
        var item = await db.ReviewItems.SingleAsync(r => r.ReplyId == replyId);
        Assert.Equal("output", item.Source);
        Assert.Equal(tenant, item.TenantId);
    }
}
