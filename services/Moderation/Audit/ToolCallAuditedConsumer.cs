using Chatbot.Contracts.Tools;
using Chatbot.Moderation.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A step of a tool call (called, refused, approved, denied, a result that carried instructions...): one audit entry
/// (subject <c>tool</c>, verdict = the outcome, categories = <c>{tool}:{risk}</c>, text = the reason in plain words, hash =
/// the arguments' hash), once per message id. A refusal and a flagged result also go to the review queue.
/// </summary>
public sealed class ToolCallAuditedConsumer(AuditWriter audit, ModerationDbContext db) : IConsumer<ToolCallAudited>
{
    public async Task Consume(ConsumeContext<ToolCallAudited> context)
    {
        var step = context.Message;
        var messageId = context.MessageId;
        if (messageId is { } id && await db.AuditEntries.AnyAsync(a => a.MessageId == id, context.CancellationToken)) return;
        var review = step.Outcome is ToolCallOutcomes.Refused or ToolCallOutcomes.ResultFlagged;
        try
        {
            await audit.RecordAsync(step.TenantId, step.UserId, step.ReplyId, "tool", step.Outcome, $"{step.ToolName}:{step.Risk}", step.Reason,
                queue: review, context.CancellationToken, actor: step.Actor, messageId: messageId,
                textHash: step.ArgumentsHash.Length > 0 ? step.ArgumentsHash : null);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent delivery of the same message won the race; it is audited once.
        }
    }
}
