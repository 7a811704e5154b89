using Chatbot.ServiceDefaults.Authentication;
using Chatbot.Chat.Auth;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.Chat.Messages;
using Chatbot.Outbox;
using Chatbot.Chat.Prompts;
using Chatbot.Chat.Prompts.Experiments;
using Chatbot.Chat.Tools;
using Chatbot.Chat.Turns.Caching;
using Chatbot.Chat.Turns.Dispatch;
using Chatbot.Contracts.Inference;
using Chatbot.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Chat.Turns;

/// <summary>
/// Starts a chat turn: reserves its quota, stores it with its outbox row in one transaction, hands it to dispatch
/// (docs/turn-lifecycle.md, 1-3). A turn of the web page or /api whose exact input moderation already allowed under the
/// tenant's current policy, and whose reply the response cache holds (<see cref="ResponseCacheLookup"/>), is answered here:
/// its stream gets the reply before the 202, and the outbox carries <see cref="ReplyGenerated"/> and a cached
/// <see cref="UsageRecorded"/> instead of the request.
/// </summary>
public sealed partial class TurnStarter(
    ChatDbContext db, ContextWindowBuilder contextWindow, OutboxSignal outbox, OutboxFastPath fastPath,
    EarlyTurnPublisher earlyPublisher, IOptions<ChatOptions> options, IOptions<IdempotentRequestOptions> idempotency,
    TimeProvider clock, TurnReservations quotas, ModerationRouting routing, ExperimentRouter experiments, ToolStore toolStore,
    ResponseCacheLookup responseCache, CachedReplyWriter cachedReplies, ResponseCacheMetrics cacheMetrics, ILogger<TurnStarter> logger)
{
    public Task<SendMessageOutcome> SendAsync(CurrentUser user, Guid conversationId, string content,
        string? idempotencyKey, CancellationToken ct) => SendAsync(user, conversationId, content, idempotencyKey, caller: null, ct);

    /// <summary>A turn whose context the caller supplies (<see cref="CallerContext"/>); null: the stored conversation's.</summary>
    public async Task<SendMessageOutcome> SendAsync(CurrentUser user, Guid conversationId, string content,
        string? idempotencyKey, CallerContext? caller, CancellationToken ct)
    {
        // One connection for the whole request: the tenant role and setting are applied once, not per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SendOnOpenConnectionAsync(user, conversationId, content, idempotencyKey, caller, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SendMessageOutcome> SendOnOpenConnectionAsync(CurrentUser user, Guid conversationId, string content,
        string? idempotencyKey, CallerContext? caller, CancellationToken ct)
    {
        var hash = caller?.RequestHash ?? RequestHash.Of(conversationId, content);
        if (idempotencyKey is not null && await ReplayAsync(user, idempotencyKey, hash, ct) is { } replay)
        {
            return replay;
        }
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var replyCreatedAt = now.AddTicks(10);
        var replyId = Guid.CreateVersion7(replyCreatedAt);
        // The reservation's Redis round trip runs while the conversation is read (TurnReservation), and the rows are
        // written in a transaction that commits only once it is granted: a denied turn leaves nothing behind.
        var maxOutputTokens = Math.Min(caller?.MaxOutputTokens ?? int.MaxValue, options.Value.MaxOutputTokens);
        var turnReservation = quotas.Begin(user, replyId, contextWindow.Budget, maxOutputTokens);
        var turn = await LoadTurnAsync(user, conversationId, caller, now, turnReservation, ct);
        if (turn is null)
        {
            return SendMessageOutcome.Failed(SendMessageFailure.ConversationNotFound);
        }
        var (conversation, history) = (turn.Conversation, turn.History);
        var choice = await ChooseAsync(user, turn, turnReservation, ct);
        var prompt = choice.Prompt;

        var userMessage = NewMessage(Guid.CreateVersion7(now), user, conversationId, MessageRoles.User, content, MessageStatuses.Completed, now);
        var contentTokens = contextWindow.CountContentTokens(content);
        userMessage.ContentTokens = contentTokens;
        var reply = NewMessage(replyId, user, conversationId, MessageRoles.Assistant, string.Empty, MessageStatuses.Pending,
            replyCreatedAt, userMessage.Id, choice);
        var systemPrompt = caller?.SystemAddition is { } addition
            ? new SystemPrompt(prompt.Content + addition, null)
            : new SystemPrompt(prompt.Content, prompt.ContentTokens);
        var (turns, promptTokens) = contextWindow.Build(systemPrompt, caller?.HistoryNewestFirst ?? history, content, contentTokens,
            caller?.FinalToolCallId);
        var command = new GenerateReply(reply.Id, now, reply.Id, user.TenantId, user.UserId, conversationId, userMessage.Id,
            user.Tier, prompt.Version, turns, maxOutputTokens, PromptRef: reply.PromptRef, Provider: caller?.Provider ?? choice.Provider, Sampling: caller?.Sampling,
            ExperimentId: choice.ExperimentId, Variant: choice.Variant,
            // The tenant's tools go with the turn from the web page and /api (a /v1 client brings its own tools).
            Tools: caller is null ? await toolStore.ForTurnAsync(user.TenantId, prompt.Version, ct) : null,
            ClientTools: caller?.ClientTools, ClientToolChoice: caller?.ClientToolChoice);
        // A /v1 client's turn (caller) is looked up by the worker as before.
        var hit = caller is null ? await responseCache.FindAsync(command) : null;
        var staged = new StagedTurn(user, conversation, userMessage, reply, turn.OutboxBusy, idempotencyKey, hash, now, hit);

        var reservation = turnReservation.ForWindowAsync(promptTokens);
        WrittenTurn written;
        try
        {
            written = await WriteAsync(staged, command, reservation, ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null
            && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the race: answer as its replay.
            await ReleaseAsync(reservation, reply.Id);
            db.ChangeTracker.Clear();
            if (await ReplayAsync(user, idempotencyKey, hash, ct) is { } winner)
            {
                return winner;
            }
            throw;
        }
        catch
        {
            await ReleaseAsync(reservation, reply.Id);
            throw;
        }
        if (!written.Quota.IsGranted)
        {
            return SendMessageOutcome.Denied(written.Quota);
        }
        if (hit is not null)
        {
            await cachedReplies.WriteAsync(command, hit);
            cacheMetrics.RecordHit(user.Tier, hit.Model, hit.Cost);
        }
        else if (written.Fast)
        {
            fastPath.Publish(written.Row, written.Early);
        }
        else
        {
            outbox.Notify();
        }
        if (await turnReservation.TrimFailedAsync())
        {
            LogTrimFailed(reply.Id);
        }
        return SendMessageOutcome.Accepted(userMessage.Id, reply.Id);
    }

    /// <summary>The prompt of the turn: the active one, or the user's variant of a running experiment.</summary>
    private async Task<ExperimentChoice> ChooseAsync(CurrentUser user, TurnContext turn, TurnReservation reservation, CancellationToken ct)
    {
        try
        {
            return await experiments.ChooseAsync(turn.Prompt!, turn.Experiment, user.UserId, ct);
        }
        catch
        {
            await reservation.AbandonAsync();
            throw;
        }
    }

    /// <summary>The owned conversation and what the turn needs of it; null (and the reservation given back) when not found.</summary>
    private async Task<TurnContext?> LoadTurnAsync(CurrentUser user, Guid conversationId, CallerContext? caller,
        DateTimeOffset now, TurnReservation reservation, CancellationToken ct)
    {
        TurnContext? turn;
        try
        {
            turn = caller is { NewConversation: true }
                ? await NewConversationTurnAsync(user, conversationId, caller.Title, now, ct)
                : await TurnContextQuery.LoadAsync(db, conversationId, user.TenantId, user.UserId,
                    caller is null ? options.Value.HistoryMessageLimit : 0, ct);
        }
        catch
        {
            await reservation.AbandonAsync();
            throw;
        }
        if (turn is { Prompt: not null })
        {
            return turn;
        }
        await reservation.AbandonAsync();
        return turn is null ? null : throw new InvalidOperationException("No active prompt version: the global default is missing.");
    }

    /// <summary>A conversation the turn creates (added in its transaction): only the active prompt is read.</summary>
    private async Task<TurnContext> NewConversationTurnAsync(CurrentUser user, Guid conversationId, string title,
        DateTimeOffset now, CancellationToken ct) => new()
    {
        Conversation = new Conversation
        {
            Id = conversationId, TenantId = user.TenantId, UserId = user.UserId, Title = title, CreatedAt = now, UpdatedAt = now,
        },
        Prompt = await db.PromptVersions.AsNoTracking()
            .Where(p => p.IsActive && (p.TenantId == user.TenantId || p.TenantId == null))
            .OrderBy(p => p.TenantId == null)
            .FirstOrDefaultAsync(ct),
        Experiment = await db.PromptExperiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatuses.Running && (e.TenantId == user.TenantId || e.TenantId == null))
            .OrderBy(e => e.TenantId == null)
            .FirstOrDefaultAsync(ct),
        History = [],
        OutboxBusy = false,
    };

    private async Task<WrittenTurn> WriteAsync(StagedTurn turn, GenerateReply command, Task<ReservationResult> reservation,
        CancellationToken ct)
    {
        OutboxMessage? usage = null;
        var row = turn.Hit is null
            ? routing.ToOutbox(command, turn.User.TenantId, turn.Conversation.Id, turn.Now, TierPriority.For(turn.User.Tier))
            : AnsweredFromCache(command, turn.Hit, turn.Now, out usage);
        var fast = turn.Hit is null && !turn.OutboxBusy && fastPath.TryClaim(row);
        // The request leaves before the rows are staged: time to first token carries neither the change tracking nor the write.
        var early = fast ? earlyPublisher.Start(command, reservation, TierPriority.For(turn.User.Tier)) : null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            Stage(turn, row);
            if (usage is not null)
            {
                db.OutboxMessages.Add(usage);
            }
            await db.SaveChangesAsync(ct);
            var quota = await reservation;
            if (!quota.IsGranted)
            {
                await transaction.RollbackAsync(ct);
                Unclaim(fast, early);
                return new WrittenTurn(quota, row, Fast: false, Early: null);
            }
            if (turn.Hit is null && TurnReservation.WithinGrant(command, quota) is var granted && !ReferenceEquals(granted, command))
            {
                // Fewer output tokens than asked (budget nearly spent): the request carries the limit.
                row = await ReplaceOutboxRowAsync(row, turn, granted, ct);
            }
            await transaction.CommitAsync(ct);
            return new WrittenTurn(quota, row, fast, early);
        }
        catch
        {
            Unclaim(fast, early);
            throw;
        }
    }

    /// <summary>
    /// The outbox rows of a turn answered from the cache: <see cref="ReplyGenerated"/> (chat completes the stored message
    /// from it, as from the worker's) and <see cref="UsageRecorded"/> marked cached (billing settles the reservation at the
    /// tenant's cache price), both ordered on the conversation.
    /// </summary>
    private static OutboxMessage AnsweredFromCache(GenerateReply r, CachedReply hit, DateTimeOffset now, out OutboxMessage usage)
    {
        usage = OutboxEntry.Create(new UsageRecorded(r.CorrelationId, now, r.ReplyId, r.TenantId, r.UserId, r.ConversationId,
            hit.Provider, hit.Model, r.PromptVersion, hit.InputTokens, hit.OutputTokens, hit.Cost, r.PromptRef, Cached: true),
            r.TenantId, r.ConversationId, now);
        return OutboxEntry.Create(new ReplyGenerated(r.CorrelationId, now, r.ReplyId, r.TenantId, r.UserId, r.ConversationId,
            hit.Content, hit.Provider, hit.Model, r.PromptVersion, hit.InputTokens, hit.OutputTokens, hit.Cost, 0, 0, r.PromptRef),
            r.TenantId, r.ConversationId, now);
    }

    /// <summary>Adds the turn's rows (messages, outbox row, idempotency record) and touches the conversation.</summary>
    private void Stage(StagedTurn turn, OutboxMessage row)
    {
        db.Messages.AddRange(turn.UserMessage, turn.Reply);
        db.OutboxMessages.Add(row);
        if (db.Entry(turn.Conversation).State == EntityState.Detached)
        {
            db.Conversations.Add(turn.Conversation); // created by this turn (CallerContext.NewConversation)
        }
        turn.Conversation.UpdatedAt = turn.Now;
        if (turn.IdempotencyKey is not null)
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                TenantId = turn.User.TenantId, UserId = turn.User.UserId, Key = turn.IdempotencyKey, RequestHash = turn.Hash,
                ConversationId = turn.Conversation.Id, MessageId = turn.UserMessage.Id, ReplyId = turn.Reply.Id, CreatedAt = turn.Now,
            });
        }
    }

    private async Task<OutboxMessage> ReplaceOutboxRowAsync(OutboxMessage row, StagedTurn turn, GenerateReply command,
        CancellationToken ct)
    {
        var replacement = routing.ToOutbox(command, turn.User.TenantId, turn.Conversation.Id, turn.Now, TierPriority.For(turn.User.Tier));
        replacement.NextAttemptAt = row.NextAttemptAt; // a fast-path claim's grace holds for the replacement
        db.OutboxMessages.Remove(row);
        db.OutboxMessages.Add(replacement);
        await db.SaveChangesAsync(ct);
        return replacement;
    }

    private void Unclaim(bool fast, EarlyTurn? early)
    {
        if (fast)
        {
            fastPath.Unclaim(early);
        }
    }

    /// <summary>After a failed write: gives back what a granted reservation took (a failed reservation took nothing).</summary>
    private async Task ReleaseAsync(Task<ReservationResult> reservation, Guid replyId)
    {
        await ((Task)reservation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (reservation.IsCompletedSuccessfully && reservation.Result.IsGranted)
        {
            await quotas.ReleaseAsync(replyId);
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trimming the quota reservation of reply {ReplyId} failed; it holds the context budget until settled")]
    private partial void LogTrimFailed(Guid replyId);

    private sealed record StagedTurn(CurrentUser User, Conversation Conversation, Message UserMessage, Message Reply,
        bool OutboxBusy, string? IdempotencyKey, string Hash, DateTimeOffset Now, CachedReply? Hit);

    private sealed record WrittenTurn(ReservationResult Quota, OutboxMessage Row, bool Fast, EarlyTurn? Early);

    private static Message NewMessage(Guid id, CurrentUser user, Guid conversationId, string role, string content, string status,
        DateTimeOffset createdAt, Guid? replyTo = null, ExperimentChoice? choice = null) => new()
    {
        Id = id,
        TenantId = user.TenantId,
        UserId = user.UserId,
        ConversationId = conversationId,
        Role = role,
        Content = content,
        Status = status,
        ReplyToMessageId = replyTo,
        PromptVersion = choice?.Prompt.Version,
        PromptRef = choice is null ? null : PromptReference.Of(choice.Prompt),
        ExperimentId = choice?.ExperimentId,
        Variant = choice?.Variant,
        CreatedAt = createdAt,
        CompletedAt = status == MessageStatuses.Completed ? createdAt : null,
    };
}
