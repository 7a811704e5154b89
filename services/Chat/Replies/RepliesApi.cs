using System.Diagnostics;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.Contracts.Inference;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Replies;

public static class RepliesApi
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const int FinishedPageSize = 512;

    public static IEndpointRouteBuilder MapRepliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/replies/{replyId}").WithTags("Replies").RequireAuthorization(AuthorizationPolicies.Member);
        api.MapGet("/stream", StreamAsync).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        api.MapPost("/cancel", CancelAsync);
        return app;
    }

    /// <summary>
    /// Server-Sent Events of one reply: token, reset, error, done (the stream ends after done or error). The event id is
    /// the Redis Stream entry id: send it back as <c>Last-Event-ID</c> (or <c>?lastEventId=</c>) to resume after it.
    /// Closing the connection only stops this stream; generation goes on (use cancel to stop it). Resuming after the final
    /// event answers 204, which tells an EventSource to stop reconnecting.
    /// </summary>
    public static async Task<Results<EmptyHttpResult, NoContent, NotFound, ValidationProblem>> StreamAsync(
        string replyId, [FromHeader(Name = LastEventIdHeader)] string? lastEventIdHeader, string? lastEventId,
        CurrentUser user, ChatDbContext db, ReplyStreamHub hub, IConnectionMultiplexer redis,
        IOptions<ChatOptions> options, HttpContext context, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        var resumeFrom = lastEventIdHeader ?? lastEventId;
        var after = StreamEntryId.Zero;
        if (!string.IsNullOrEmpty(resumeFrom) && !StreamEntryId.TryParse(resumeFrom, out after))
        {
            return ApiProblems.Invalid(LastEventIdHeader, "Last-Event-ID must be an event id this stream sent (e.g. 1700000000000-0).");
        }
        var reply = await db.FindOwnedReplyAsync(user, id, ct);
        if (reply is null)
        {
            return TypedResults.NotFound();
        }
        var last = await LastEntryAsync(redis, id);
        if (last is { } end && end.Type is ReplyStreamProtocol.Done or ReplyStreamProtocol.Error && !(end.Id > after))
        {
            // The client has the final event already (EventSource reconnects after the server closes): 204 stops it.
            return TypedResults.NoContent();
        }
        var sse = new SseWriter(context.Response);
        sse.Start();
        if (last is null && MessageStatuses.IsFinal(reply.Status))
        {
            await sse.WriteStoredOutcomeAsync(reply, ct);
            return TypedResults.Empty;
        }
        if (last is { Type: ReplyStreamProtocol.Done or ReplyStreamProtocol.Error })
        {
            await WriteFinishedAsync(redis, id, after, sse, ct);
            return TypedResults.Empty;
        }
        using var subscription = hub.Subscribe(id, after);
        await PumpAsync(subscription, sse, options.Value.HeartbeatInterval, ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// A stream that has its final event (a response cache hit, a client that came late or reconnects) is read straight
    /// from Redis in pages and flushed once per page, without a subscription: no wait for the hub's read.
    /// </summary>
    private static async Task WriteFinishedAsync(IConnectionMultiplexer redis, Guid replyId, StreamEntryId after, SseWriter sse, CancellationToken ct)
    {
        var key = ReplyStreamProtocol.StreamKey(replyId);
        var firstToken = new FirstTokenMark();
        StreamEntry[] page;
        do
        {
            page = await redis.GetDatabase().StreamRangeAsync(key, after == StreamEntryId.Zero ? "-" : $"({after}", "+", FinishedPageSize);
            foreach (var entry in page)
            {
                if (ReplyStreamHub.ToEvent(entry) is { } streamEvent)
                {
                    sse.Append(streamEvent);
                    firstToken.Saw(streamEvent.Type);
                    after = streamEvent.Id;
                }
            }
            await sse.FlushAsync(ct);
            firstToken.Flushed();
        }
        while (page.Length == FinishedPageSize);
    }

    private static async Task<ReplyStreamEvent?> LastEntryAsync(IConnectionMultiplexer redis, Guid replyId)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(ReplyStreamProtocol.StreamKey(replyId), "-", "+", 1, Order.Descending);
        return entries.Length == 1 && StreamEntryId.TryParse(entries[0].Id.ToString(), out var id)
            ? new ReplyStreamEvent(id, entries[0][ReplyStreamProtocol.TypeField].ToString(), string.Empty)
            : null;
    }

    /// <summary>
    /// Copies the subscription's events to the client until the final one: everything already waiting goes out in one
    /// flush; a quiet period of <paramref name="heartbeat"/> sends a heartbeat comment. One timeout source is reused
    /// for every wait instead of a new one per token.
    /// </summary>
    internal static async Task PumpAsync(ReplyStreamSubscription subscription, SseWriter sse, TimeSpan heartbeat, CancellationToken ct)
    {
        var events = subscription.Events;
        var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var firstToken = new FirstTokenMark();
        try
        {
            sse.AppendHeartbeat();
            while (true)
            {
                while (events.TryRead(out var next))
                {
                    sse.Append(next);
                    firstToken.Saw(next.Type);
                    if (next.Type is ReplyStreamProtocol.Done or ReplyStreamProtocol.Error)
                    {
                        await sse.FlushAsync(ct);
                        firstToken.Flushed();
                        return;
                    }
                }
                await sse.FlushAsync(ct);
                firstToken.Flushed();
                quiet.CancelAfter(heartbeat);
                try
                {
                    if (!await events.WaitToReadAsync(quiet.Token))
                    {
                        return; // the subscription ended
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    sse.AppendHeartbeat();
                }
                if (!quiet.TryReset())
                {
                    quiet.Dispose();
                    quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: only this stream stops, the reply is still being generated.
        }
        finally
        {
            quiet.Dispose();
            // Whatever ended the pump, the request completes off the delivering thread (see ReplyStreamSubscription).
            await Task.Yield();
        }
    }

    /// <summary>The last hop of a trace's time to first token: marked once per stream, at the first flush after a token.</summary>
    private sealed class FirstTokenMark
    {
        private bool appended, marked;

        public void Saw(string type) => appended |= type == ReplyStreamProtocol.Token;

        public void Flushed()
        {
            if (appended && !marked)
            {
                marked = true;
                Activity.Current?.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstTokenSent));
            }
        }
    }

    public static async Task<Results<Accepted, NotFound, ValidationProblem>> CancelAsync(
        string replyId, CurrentUser user, ChatDbContext db, ReplyCanceller canceller, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        var reply = await db.FindOwnedReplyAsync(user, id, ct);
        if (reply is null)
        {
            return TypedResults.NotFound();
        }
        if (!MessageStatuses.IsFinal(reply.Status))
        {
            await canceller.CancelAsync(id);
        }
        return TypedResults.Accepted((string?)null);
    }
}
