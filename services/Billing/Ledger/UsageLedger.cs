using Chatbot.Billing.Data;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Ledger;

/// <summary>
/// Appends a reply's usage row exactly once: <c>INSERT … ON CONFLICT (reply_id) DO NOTHING</c> on the unique index, so
/// a redelivered or duplicated <see cref="UsageRecorded"/> never adds a second row, whatever the number of consumers.
/// A reply answered from the response cache is marked <c>cached</c>, at the cache price, with what it saved.
/// </summary>
public sealed class UsageLedger(BillingDbContext db, PriceBook prices, TimeProvider clock)
{
    /// <summary>The cost charged for the reply (the ledger row's, when it already existed).</summary>
    public async Task<decimal> RecordAsync(UsageRecorded usage, CancellationToken ct)
    {
        var (cost, saved) = await prices.ChargeAsync(usage, ct);
        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO usage_entries (reply_id, tenant_id, user_id, pseudonymised, conversation_id, provider, model,
                prompt_version, input_tokens, output_tokens, cost, cached, saved_cost, occurred_at, recorded_at)
            VALUES ({usage.ReplyId}, {usage.TenantId}, {usage.UserId}, false, {usage.ConversationId}, {usage.Provider}, {usage.Model},
                {usage.PromptVersion}, {usage.InputTokens}, {usage.OutputTokens}, {cost}, {usage.Cached}, {saved}, {usage.OccurredAt}, {now})
            ON CONFLICT (reply_id) DO NOTHING
            """, ct);
        if (inserted == 1)
        {
            return cost;
        }
        return await db.UsageEntries.AsNoTracking().Where(u => u.ReplyId == usage.ReplyId).Select(u => u.Cost).SingleAsync(ct);
    }
}
