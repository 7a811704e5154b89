using System.Threading.Channels;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>Publishes a turn's row right after its commit, or settles its early request with the commit mark (docs/turn-lifecycle.md, 3: fast path).</summary>
public sealed partial class OutboxFastPath(
    OutboxPublisher publisher, TurnCommitMarks marks, IServiceScopeFactory scopes, OutboxSignal dispatcher, OutboxMetrics metrics,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxFastPath> logger) : BackgroundService
{
    private const int RowsPerRound = 64;
    private const string AbandonedError = "A worker gave up waiting for the commit mark; the dispatcher publishes the row.";
    private const string EarlyPublishFailedError = "The request could not be sent before the commit; the dispatcher publishes the row.";
    private readonly Channel<Item> queue = Channel.CreateUnbounded<Item>(
        new UnboundedChannelOptions { SingleReader = true });
    private int claimed;

    /// <summary>Before the commit: true when the row may take the fast path (then call <see cref="Publish"/> or <see cref="Unclaim"/>).</summary>
    public bool TryClaim(OutboxMessage row)
    {
        if (!options.Value.FastPath)
        {
            return false;
        }
        if (Interlocked.Increment(ref claimed) > options.Value.FastPathCapacity)
        {
            Interlocked.Decrement(ref claimed);
            return false;
        }
        row.NextAttemptAt = row.CreatedAt + options.Value.FastPathGrace;
        return true;
    }

    /// <summary>The commit failed: the claimed slot is free again (after the aborted mark, if the request went out early).</summary>
    public void Unclaim(EarlyTurn? early = null)
    {
        if (early is null)
        {
            Interlocked.Decrement(ref claimed);
            return;
        }
        queue.Writer.TryWrite(new Item(null, early, null));
    }

    /// <summary>
    /// After the commit: publish the claimed row, or settle the request that went out before the commit. That request's
    /// commit mark is set here, at once: neither its broker confirm nor the rounds of this queue stand between the commit
    /// and a worker that holds the reply's first token.
    /// </summary>
    public void Publish(OutboxMessage row, EarlyTurn? early = null) =>
        queue.Writer.TryWrite(new Item(row, early, early is null ? null : MarkCommittedAsync(early.ReplyId))); // unbounded, but never holds more than the claims

    private async Task<bool> MarkCommittedAsync(Guid replyId) => await marks.TryMarkCommittedAsync(replyId); // failures surface in the round

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Item>(RowsPerRound);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < RowsPerRound && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await PublishBatchAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex); // rows left in the table go out through the dispatcher after the grace
            }
            finally
            {
                Interlocked.Add(ref claimed, -batch.Count);
                batch.Clear();
            }
        }
    }

    private async Task PublishBatchAsync(List<Item> items, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.FastPathGrace / 2); // give up well before the dispatcher may take the row
        var aborts = Task.WhenAll(items.Where(item => item.Row is null).Select(item => AbortAsync(item.Early!)));
        var committed = items.Where(item => item.Row is not null).ToList();
        var rows = committed.Select(item => item.Row!).ToList();
        var errors = await Task.WhenAll(committed.Select(item => item.Early is { } early
            ? SettleEarlyAsync(early, item.CommitMark!)
            : TryPublishAsync(item.Row!, timeout.Token)));
        await aborts;
        if (rows.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var published = rows.Where((_, i) => errors[i] is null).Select(r => r.Id).ToList();
        if (published.Count > 0)
        {
            await db.OutboxMessages.Where(o => published.Contains(o.Id)).ExecuteDeleteAsync(stoppingToken);
        }
        var now = clock.GetUtcNow();
        for (var i = 0; i < rows.Count; i++)
        {
            if (errors[i] is { } error)
            {
                var id = rows[i].Id;
                await db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.NextAttemptAt, now)
                    .SetProperty(o => o.LastError, error), stoppingToken);
            }
        }
        metrics.FastPath(published.Count, rows.Count - published.Count);
        if (published.Count < rows.Count)
        {
            dispatcher.Notify();
        }
    }

    /// <summary>Null once the broker has the request and the worker may go on (the row is done with); otherwise why the dispatcher takes the row.</summary>
    private async Task<string?> SettleEarlyAsync(EarlyTurn early, Task<bool> commitMark)
    {
        var published = await early.Published;
        string? markError;
        try
        {
            markError = await commitMark ? null : AbandonedError; // awaited either way: a failed mark is logged, never left unobserved
        }
        catch (Exception ex)
        {
            LogCommitMarkFailed(ex, early.ReplyId);
            markError = OutboxPublisher.ErrorOf(ex);
        }
        return published ? markError : EarlyPublishFailedError;
    }

    private async Task AbortAsync(EarlyTurn early)
    {
        try
        {
            if (await early.Published)
            {
                await marks.TryMarkAbortedAsync(early.ReplyId);
            }
        }
        catch (Exception ex)
        {
            LogCommitMarkFailed(ex, early.ReplyId); // the worker drops the request after its wait instead
        }
    }

    private async Task<string?> TryPublishAsync(OutboxMessage row, CancellationToken ct)
    {
        try
        {
            await publisher.PublishAsync(row, ct);
            return null;
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, row.Id, row.MessageType);
            return OutboxPublisher.ErrorOf(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowId} ({MessageType}) failed on the fast path; the dispatcher takes it over")]
    private partial void LogPublishFailed(Exception ex, long rowId, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the commit mark could not be set")]
    private partial void LogCommitMarkFailed(Exception ex, Guid replyId);

    /// <summary>
    /// A committed row (with its early request, if one went out, and that request's commit mark being set), or (no row)
    /// an early request whose turn failed.
    /// </summary>
    private sealed record Item(OutboxMessage? Row, EarlyTurn? Early, Task<bool>? CommitMark);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox fast-path round failed")]
    private partial void LogRoundFailed(Exception ex);
}
