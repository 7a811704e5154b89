using Chatbot.Chat.Auth;
using Chatbot.Chat.Billing;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.Chat.Idempotency;
using Chatbot.Chat.Moderation;
using Chatbot.Chat.Outbox;
using Chatbot.Chat.Prompts;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Chat.Messages;

/// <summary>
/// Stores a user message, the pending assistant message that will hold the reply, the idempotency record and the
/// <see cref="GenerateReply"/> outbox row in one transaction. No model call and no broker call happen here.
/// </summary>
public sealed class MessageSender(
    ChatDbContext db, PromptStore prompts, ContextWindowBuilder contextWindow, OutboxSignal outbox, OutboxFastPath fastPath,
    IOptions<ChatOptions> options, IOptions<IdempotencyOptions> idempotency, TimeProvider clock, QuotaGate quotas,
    ModerationRouting routing)
{
    public async Task<SendMessageOutcome> SendAsync(CurrentUser user, Guid conversationId, string content,
        string? idempotencyKey, CancellationToken ct)
    {
        // One connection for the whole request: the tenant role and setting are applied once, not per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SendOnOpenConnectionAsync(user, conversationId, content, idempotencyKey, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SendMessageOutcome> SendOnOpenConnectionAsync(CurrentUser user, Guid conversationId, string content,
        string? idempotencyKey, CancellationToken ct)
    {
        var hash = RequestHash.Of(conversationId, content);
        if (idempotencyKey is not null && await ReplayAsync(user, idempotencyKey, hash, ct) is { } replay)
        {
            return replay;
        }
        // One round trip: the owned conversation (tracked: its UpdatedAt changes), the active prompt, the history and
        // whether an earlier outbox row of the conversation is still live (then the new row waits its turn).
        var activePrompt = prompts.Active(user.TenantId);
        var historyLimit = options.Value.HistoryMessageLimit;
        var turn = await db.Conversations
            .Where(c => c.Id == conversationId && c.TenantId == user.TenantId && c.UserId == user.UserId)
            .Select(c => new
            {
                Conversation = c,
                Prompt = activePrompt.FirstOrDefault(),
                History = db.Messages
                    .Where(m => m.TenantId == user.TenantId && m.ConversationId == c.Id && m.Status == MessageStatuses.Completed)
                    .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                    .Take(historyLimit)
                    .Select(m => new ChatTurn(m.Role, m.Content))
                    .ToList(),
                OutboxBusy = db.OutboxMessages.Any(o => o.OrderingKey == c.Id && o.DeadLetteredAt == null),
            })
            .FirstOrDefaultAsync(ct);
        if (turn is null)
        {
            return SendMessageOutcome.Failed(SendMessageFailure.ConversationNotFound);
        }
        var (conversation, history) = (turn.Conversation, turn.History);
        var prompt = turn.Prompt ?? throw new InvalidOperationException("No active prompt version: the global default is missing.");

        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var userMessage = NewMessage(user, conversationId, MessageRoles.User, content, MessageStatuses.Completed, now);
        var reply = NewMessage(user, conversationId, MessageRoles.Assistant, string.Empty, MessageStatuses.Pending,
            now.AddTicks(10), userMessage.Id, prompt);
        var (turns, promptTokens) = contextWindow.BuildCounted(prompt.Content, history, content);
        var command = new GenerateReply(reply.Id, now, reply.Id, user.TenantId, user.UserId, conversationId, userMessage.Id,
            user.Tier, prompt.Version, turns, options.Value.MaxOutputTokens, PromptRef: reply.PromptRef);
        var quota = await quotas.ReserveAsync(user, reply.Id, promptTokens, command.MaxOutputTokens);
        if (!quota.IsGranted)
        {
            return SendMessageOutcome.Denied(quota);
        }
        command = command with { MaxOutputTokens = quota.GrantedOutputTokens, BudgetLimited = quota.GrantedOutputTokens < command.MaxOutputTokens };

        db.Messages.AddRange(userMessage, reply);
        var outboxRow = routing.ToOutbox(command, user.TenantId, conversationId, now, user.Priority);
        var fast = !turn.OutboxBusy && fastPath.TryClaim(outboxRow);
        db.OutboxMessages.Add(outboxRow);
        conversation.UpdatedAt = now;
        if (idempotencyKey is not null)
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                TenantId = user.TenantId, UserId = user.UserId, Key = idempotencyKey, RequestHash = hash,
                ConversationId = conversationId, MessageId = userMessage.Id, ReplyId = reply.Id, CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null
            && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the race: answer as its replay.
            Unclaim(fast);
            await quotas.ReleaseAsync(reply.Id);
            db.ChangeTracker.Clear();
            if (await ReplayAsync(user, idempotencyKey, hash, ct) is { } winner)
            {
                return winner;
            }
            throw;
        }
        catch
        {
            Unclaim(fast);
            await quotas.ReleaseAsync(reply.Id);
            throw;
        }
        if (fast)
        {
            fastPath.Publish(outboxRow);
        }
        else
        {
            outbox.Notify();
        }
        return SendMessageOutcome.Accepted(userMessage.Id, reply.Id);
    }

    private void Unclaim(bool fast)
    {
        if (fast)
        {
            fastPath.Unclaim();
        }
    }

    private async Task<SendMessageOutcome?> ReplayAsync(CurrentUser user, string key, string hash, CancellationToken ct)
    {
        var existing = await db.IdempotencyKeys.AsNoTracking()
            .FirstOrDefaultAsync(k => k.TenantId == user.TenantId && k.UserId == user.UserId && k.Key == key, ct);
        var expiredBefore = clock.GetUtcNow() - idempotency.Value.KeyLifetime;
        if (existing is not null && existing.CreatedAt < expiredBefore)
        {
            // Expired but not purged yet: the resend is a new request, and its key record replaces this one.
            await db.IdempotencyKeys
                .Where(k => k.TenantId == user.TenantId && k.UserId == user.UserId && k.Key == key && k.CreatedAt < expiredBefore)
                .ExecuteDeleteAsync(ct);
            return null;
        }
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != hash => SendMessageOutcome.Failed(SendMessageFailure.IdempotencyKeyReused),
            _ => SendMessageOutcome.Accepted(existing.MessageId, existing.ReplyId),
        };
    }

    private static Message NewMessage(CurrentUser user, Guid conversationId, string role, string content, string status,
        DateTimeOffset createdAt, Guid? replyTo = null, PromptVersion? prompt = null) => new()
    {
        Id = Guid.CreateVersion7(createdAt),
        TenantId = user.TenantId,
        UserId = user.UserId,
        ConversationId = conversationId,
        Role = role,
        Content = content,
        Status = status,
        ReplyToMessageId = replyTo,
        PromptVersion = prompt?.Version,
        PromptRef = prompt is null ? null : PromptReference.Of(prompt),
        CreatedAt = createdAt,
        CompletedAt = status == MessageStatuses.Completed ? createdAt : null,
    };
}
