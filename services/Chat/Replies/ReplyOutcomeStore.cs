using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Turns;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Replies;

/// <summary>
/// Stores the outcome of a reply on its assistant message. The update only applies to an open (pending/streaming)
/// message, so a redelivered or duplicate event changes nothing: the status transition is the dedupe. Called by consumers,
/// which act for the message's tenant (<see cref="Tenancy.TenantConsumeFilter{T}"/>).
/// </summary>
public sealed partial class ReplyOutcomeStore(ChatDbContext db, ContextWindowBuilder contextWindow, TimeProvider clock,
    ILogger<ReplyOutcomeStore> logger)
{
    private const int MaxReasonLength = 1000;

    /// <summary>Pending → streaming when the first token was written; any other status (already streaming or final) stays.</summary>
    public async Task<bool> MarkStreamingAsync(ReplyStarted reply, CancellationToken ct)
    {
        var updated = await db.Messages
            .Where(m => m.Id == reply.ReplyId && m.TenantId == reply.TenantId && m.UserId == reply.UserId
                && m.Role == MessageRoles.Assistant && m.Status == MessageStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatuses.Streaming), ct);
        LogOutcome(reply.ReplyId, MessageStatuses.Streaming, updated == 1);
        return updated == 1;
    }

    public async Task<bool> CompleteAsync(ReplyGenerated reply, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await OpenReply(reply.ReplyId, reply.TenantId, reply.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MessageStatuses.Completed)
            .SetProperty(m => m.Content, reply.Content)
            .SetProperty(m => m.ContentTokens, contextWindow.CountContentTokens(reply.Content))
            .SetProperty(m => m.Model, reply.Model)
            .SetProperty(m => m.Provider, reply.Provider)
            .SetProperty(m => m.PromptVersion, reply.PromptVersion)
            .SetProperty(m => m.PromptRef, m => reply.PromptRef ?? m.PromptRef)
            .SetProperty(m => m.InputTokens, reply.InputTokens)
            .SetProperty(m => m.OutputTokens, reply.OutputTokens)
            .SetProperty(m => m.Cost, reply.Cost)
            .SetProperty(m => m.LatencyMs, reply.LatencyMs)
            .SetProperty(m => m.TimeToFirstTokenMs, reply.TimeToFirstTokenMs)
            .SetProperty(m => m.CompletedAt, now), ct);
        LogOutcome(reply.ReplyId, MessageStatuses.Completed, updated == 1);
        return updated == 1;
    }

    public async Task<bool> FailAsync(ReplyFailed reply, CancellationToken ct)
    {
        var status = reply.Code switch
        {
            ReplyFailureCodes.Cancelled => MessageStatuses.Cancelled,
            Chatbot.Contracts.Moderation.ModerationProtocol.BlockedCode => MessageStatuses.Blocked,
            _ => MessageStatuses.Failed,
        };
        var reason = reply.Reason.Length > MaxReasonLength ? reply.Reason[..MaxReasonLength] : reply.Reason;
        var now = clock.GetUtcNow();
        var updated = await OpenReply(reply.ReplyId, reply.TenantId, reply.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Content, reply.PartialContent)
            .SetProperty(m => m.ContentTokens, contextWindow.CountContentTokens(reply.PartialContent))
            .SetProperty(m => m.FailureCode, reply.Code)
            .SetProperty(m => m.FailureReason, reason)
            .SetProperty(m => m.CompletedAt, now), ct);
        LogOutcome(reply.ReplyId, status, updated == 1);
        return updated == 1;
    }

    private IQueryable<Message> OpenReply(Guid replyId, Guid tenantId, Guid userId) =>
        db.Messages.Where(m => m.Id == replyId && m.TenantId == tenantId && m.UserId == userId
            && m.Role == MessageRoles.Assistant
            && (m.Status == MessageStatuses.Pending || m.Status == MessageStatuses.Streaming));

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {ReplyId} -> {Status} (applied: {Applied})")]
    private partial void LogOutcome(Guid replyId, string status, bool applied);
}
