using Chatbot.Contracts.Tools;
using MassTransit;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A step of a tool call (called, refused, approved, denied, a result that carried instructions...): one audit entry
/// (subject <c>tool</c>, verdict = the outcome, categories = <c>{tool}:{risk}</c>, text = the reason in plain words, hash =
/// the arguments' hash), once per message id. A refusal and a flagged result also go to the review queue.
/// </summary>
public sealed class ToolCallAuditedConsumer(AuditWriter audit) : IConsumer<ToolCallAudited>
{
    public Task Consume(ConsumeContext<ToolCallAudited> context)
    {
        var step = context.Message;
        var review = step.Outcome is ToolCallOutcomes.Refused or ToolCallOutcomes.ResultFlagged;
        return audit.RecordOnceAsync(context.MessageId, step.TenantId, step.UserId, step.ReplyId, "tool", step.Outcome, $"{step.ToolName}:{step.Risk}",
            step.Reason, review, step.Actor, step.ArgumentsHash.Length > 0 ? step.ArgumentsHash : null, context.CancellationToken);
    }
}
