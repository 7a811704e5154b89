using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Turns;

/// <summary>
/// The one query (one round trip) a send makes before writing, compiled once: the hot path skips EF's per-call
/// expression evaluation and cache lookup. The conversation comes back tracked (its UpdatedAt changes). The prompt
/// part is <see cref="Prompts.PromptStore.Active"/> written out (a compiled query cannot call into it).
/// </summary>
public static class TurnContextQuery
{
    public static readonly Func<ChatDbContext, Guid, Guid, Guid, int, CancellationToken, Task<TurnContext?>> LoadAsync =
        EF.CompileAsyncQuery((ChatDbContext db, Guid conversationId, Guid tenantId, Guid userId, int historyLimit, CancellationToken ct) =>
            db.Conversations
                .Where(c => c.Id == conversationId && c.TenantId == tenantId && c.UserId == userId)
                .Select(c => new TurnContext
                {
                    Conversation = c,
                    Prompt = db.PromptVersions
                        .Where(p => p.IsActive && (p.TenantId == tenantId || p.TenantId == null))
                        .OrderBy(p => p.TenantId == null)
                        .FirstOrDefault(),
                    Experiment = db.PromptExperiments
                        .Where(e => e.Status == ExperimentStatuses.Running && (e.TenantId == tenantId || e.TenantId == null))
                        .OrderBy(e => e.TenantId == null)
                        .FirstOrDefault(),
                    // The parameter, not c.Id: correlated to the outer row, EF turns "latest N" into ROW_NUMBER() over
                    // every completed message of the tenant (a scan that grows with the tenant's history on each send);
                    // with the parameter it is a LATERAL join that reads N rows in index order (HistoryQueryPlanTests).
                    History = db.Messages
                        .Where(m => m.TenantId == tenantId && m.ConversationId == conversationId && m.Status == MessageStatuses.Completed)
                        .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                        .Take(historyLimit)
                        .Select(m => new HistoryTurn(m.Role, m.Content, m.ContentTokens))
                        .ToList(),
                    OutboxBusy = db.OutboxMessages.Any(o => o.OrderingKey == c.Id && o.DeadLetteredAt == null),
                })
                .FirstOrDefault());
}
