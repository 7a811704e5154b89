using System.Diagnostics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Budget;
using Chatbot.InferenceWorker.Caching;
using Chatbot.Contracts.Moderation;
using Chatbot.InferenceWorker.OutputChecks;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Streaming;
using Chatbot.InferenceWorker.Telemetry;
using Chatbot.InferenceWorker.Tools;
using Chatbot.InferenceWorker.Usage;
using MassTransit;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>
/// Produces one reply: streams it from the provider chain into the reply's Redis stream, ends the stream with
/// <c>done</c> or <c>error</c>, then publishes the outcome and the usage. Order of work: the Redis reads (stream
/// snapshot, cancel flag, output-moderation context) go out together; on a first delivery the provider chain is asked at
/// the same moment, behind a <see cref="ReplyStartGate"/> that holds what it yields until the reads have decided (its
/// first token takes far longer than their round trip). A finished stream, a cancel flag or a missing moderation
/// context cancels that call and nothing of it is written; otherwise the gate opens (after a <c>reset</c> when the
/// stream has entries). A redelivered request is read first and only then asked, so a reply that may already be
/// finished never costs a provider call: one whose stream is finished only republishes the outcome, one whose stream is
/// partial gets a <c>reset</c> and is generated again. A request chat published before its turn committed
/// (<see cref="GenerateReply.AwaitCommit"/>) whose stream is still empty also waits for the commit mark
/// (<see cref="TurnCommitWait"/>) before the gate opens, and is dropped without a trace when the turn did not commit.
/// </summary>
public sealed class ReplyGenerator(
    ProviderChain chain,
    OutputModeration outputModeration,
    ReplyStreams streams,
    ReplyCancellations cancellations,
    TurnCommitWait commits,
    ResponseCache cache,
    ToolSessionFactory toolSessions,
    ITokenCounter tokenCounter,
    IPublishEndpoint publisher,
    InferenceMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ReplyGenerator> logger)
{
    /// <param name="firstDelivery">Neither redelivered by the broker nor retried: the provider may be asked before the reads.</param>
    public async Task GenerateAsync(GenerateReply request, bool firstDelivery, CancellationToken cancellationToken)
    {
        // The Redis reads go out together: one round trip of waiting, not three, and on a first delivery none before the provider is asked.
        var cancelRequested = streams.IsCancelRequestedAsync(request.ReplyId);
        var outputContext = outputModeration.ReadContextAsync(request.ReplyId);
        var snapshotRead = streams.ReadAsync(request.ReplyId);
        using var cancel = cancellations.Register(request.ReplyId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancel.Token);
        var started = timeProvider.GetTimestamp();
        var gate = new ReplyStartGate();
        // A request with tools is asked only once its stream writer exists: approval events go in order with its tokens.
        var early = firstDelivery && request.Tools is not { Count: > 0 } ? Ask(request, gate, null, linked.Token) : null;
        var committed = false;

        // The reads decided against generating (or failed): the early call is cancelled before anything is published.
        async Task StopEarlyCallAsync()
        {
            if (early is null || gate.IsOpen) return;
            await linked.CancelAsync();
            try
            {
                await early;
            }
            catch (Exception)
            {
                // Asked before the reads decided, held at the gate and never used: how it ended does not matter.
            }
        }

        try
        {
            var snapshot = await snapshotRead;
            if (snapshot.Done is { } finished)
            {
                await StopEarlyCallAsync();
                InferenceLog.ReplyAlreadyFinished(logger, request.ReplyId, ReplyStreamProtocol.Done);
                await PublishGeneratedAsync(request, snapshot.Content, finished, TimeSpan.Zero, TimeSpan.Zero, cancellationToken);
                return;
            }
            if (snapshot.Error is { } failed)
            {
                await StopEarlyCallAsync();
                InferenceLog.ReplyAlreadyFinished(logger, request.ReplyId, ReplyStreamProtocol.Error);
                await PublishFailedAsync(request, failed.Code, failed.Message, snapshot.Content, cancellationToken);
                return;
            }

            if (request.AwaitCommit && !snapshot.HasEntries)
            {
                // Entries are written only after the mark said committed, so a stream that has some needs no second look.
                var mark = await commits.WaitAsync(request.ReplyId, cancellationToken);
                if (mark != ReplyStreamProtocol.Committed)
                {
                    await StopEarlyCallAsync();
                    InferenceLog.ReplyNotCommitted(logger, request.ReplyId, mark);
                    return;
                }
                committed = true;
            }

            var writer = streams.OpenWriter(request.ReplyId);
            if (snapshot.HasEntries)
            {
                InferenceLog.ReplyRestarted(logger, request.ReplyId);
                await writer.ResetAsync(cancellationToken);
            }
            if (await cancelRequested)
            {
                await StopEarlyCallAsync();
                await FailAsync(request, writer, ReplyFailureCodes.Cancelled, "The reply was cancelled.", cancellationToken);
                return;
            }

            var reporter = new ReplyStartReporter(writer, request, publisher, timeProvider, logger);
            ModeratedReplySink? moderated;
            try
            {
                moderated = await outputModeration.WrapAsync(request, reporter, outputContext);
            }
            catch (OutputContextMissingException)
            {
                await StopEarlyCallAsync();
                await FailAsync(request, writer, ReplyFailureCodes.ModerationUnavailable, OutputContextMissingException.UserMessage, cancellationToken);
                return;
            }
            gate.Open((IReplySink?)moderated ?? reporter);
            var streaming = early ?? Ask(request, gate, toolSessions.Create(request, writer, publisher), linked.Token);
            await StreamAsync(request, streaming, writer, reporter, moderated, started, linked.Token, cancellationToken);
        }
        finally
        {
            await StopEarlyCallAsync();
            if (committed) commits.Release(request.ReplyId);
        }
    }

    /// <summary>The provider chain asked for this request: its alias's provider first, its sampling settings.</summary>
    private Task<ProviderReply> Ask(GenerateReply request, IReplySink sink, ToolSession? tools, CancellationToken ct) =>
        chain.StreamAsync(request.Messages, request.MaxOutputTokens, request.Provider, request.Sampling, sink, ct, tools,
            request.ClientTools, request.ClientToolChoice);

    private async Task StreamAsync(GenerateReply request, Task<ProviderReply> streaming, ReplyStreamWriter writer, ReplyStartReporter reporter,
        ModeratedReplySink? moderated, long started, CancellationToken generation, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await streaming;
            if (moderated is not null) await moderated.CompleteAsync(generation);
            await WriteToolCallsAsync(reply.ToolCalls, writer, moderated);
            var usage = reply.ReportedUsage ?? new ProviderUsage(
                tokenCounter.CountMessages(request.Messages.Select(m => m.Content)), tokenCounter.CountText(reply.Content));
            var options = reply.Provider.Options;
            var cost = CostCalculator.Compute(usage.InputTokens, usage.OutputTokens, options.InputPricePerMillion, options.OutputPricePerMillion);
            var done = new DoneEvent(usage.InputTokens, usage.OutputTokens, cost, reply.Model, reply.Provider.Name, request.PromptVersion,
                BudgetTruncation.Of(request, usage.OutputTokens), request.PromptRef, Experiment: request.ExperimentId, Variant: request.Variant);
            var content = moderated is null ? reply.Content : writer.Content;
            // The cache write goes out before done on the same connection: whoever sees done finds the entry.
            var storing = StoreInCacheAsync(request, content, done);
            await writer.DoneAsync(done);
            await storing;
            var experiment = ExperimentTags.Of(request);
            metrics.RecordReply(reply.Provider, reply.Model, usage.InputTokens, usage.OutputTokens, reply.TimeToFirstToken, experiment);
            metrics.RecordCost(request.Tier, reply.Provider.Name, reply.Model, cost, experiment);
            metrics.RecordTurn("ok", experiment);
            InferenceLog.ReplyGenerated(logger, request.ReplyId, done.Provider, done.Model, done.InputTokens, done.OutputTokens,
                (long)reply.TimeToFirstToken.TotalMilliseconds);
            await reporter.FlushAsync();
            await PublishGeneratedAsync(request, content, done, timeProvider.GetElapsedTime(started), reply.TimeToFirstToken, cancellationToken);
        }
        catch (OperationCanceledException) when (generation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await reporter.FlushAsync();
            await PublishPartialUsageAsync(request, writer, cancellationToken);
            await FailAsync(request, writer, ReplyFailureCodes.Cancelled, "The reply was cancelled.", cancellationToken);
        }
        catch (Exception ex) when (ex is OutputBlockedException || moderated?.Blocked is not null)
        {
            // The chain may see the output guard's exception as a provider failure; the sink remembers the verdict.
            // The audit goes out before the stream is ended: a crash after it leaves an audited cut (a redelivery that
            // finds the error only republishes ReplyFailed), a crash before it leaves the stream open, so the redelivered
            // request cuts again and publishes then (same message id, deduplicated by moderation).
            var blocked = moderated?.Blocked ?? (OutputBlockedException)ex;
            await reporter.FlushAsync();
            if (moderated is not null) await PublishOutputBlockedAsync(request, blocked.Category, moderated, cancellationToken);
            await FailAsync(request, writer, ModerationProtocol.BlockedCode, blocked.Message, cancellationToken);
        }
        catch (AllProvidersFailedException ex)
        {
            await reporter.FlushAsync();
            await PublishPartialUsageAsync(request, writer, cancellationToken);
            await FailAsync(request, writer, ReplyFailureCodes.ProviderUnavailable, ex.Message, cancellationToken);
        }
    }

    /// <summary>
    /// The calls of the caller's tools, each whole, after the output checks (a call whose arguments leak the canary, a
    /// secret or blocked terms cuts the reply like text would), before <c>done</c>.
    /// </summary>
    private static async Task WriteToolCallsAsync(IReadOnlyList<ChatToolCall> calls, ReplyStreamWriter writer, ModeratedReplySink? moderated)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            var call = moderated is null ? calls[i] : moderated.Check(calls[i]);
            await writer.AppendEventAsync(ReplyStreamProtocol.ToolCall, ReplyStreamJson.Serialize(new ToolCallEvent(i, call.Id, call.Name, call.Arguments)));
        }
    }

    /// <summary>A cacheable request's finished reply goes to the response cache; a failed write costs the next turn a provider call, not this one its reply.</summary>
    private async Task StoreInCacheAsync(GenerateReply request, string content, DoneEvent done)
    {
        try
        {
            await cache.StoreAsync(request, content, done);
        }
        catch (RedisException ex)
        {
            InferenceLog.CacheStoreFailed(logger, ex, request.ReplyId);
        }
    }

    private async Task FailAsync(GenerateReply request, ReplyStreamWriter writer, string code, string reason, CancellationToken cancellationToken)
    {
        InferenceLog.ReplyFailed(logger, request.ReplyId, code, reason);
        metrics.RecordTurn(code, ExperimentTags.Of(request));
        await writer.ErrorAsync(code, reason);
        await PublishFailedAsync(request, code, reason, writer.Content, cancellationToken);
    }

    /// <summary>
    /// A reply that ends without <c>done</c> (cancelled, or every provider failed after streaming) still consumed what it
    /// streamed: output tokens counted per provider at that provider's price (resets included: the reader saw them), the
    /// prompt once at the last provider that streamed. Published before <c>ReplyFailed</c>, so billing settles the
    /// reservation with it instead of releasing it. Nothing streamed: nothing to bill.
    /// </summary>
    private async Task PublishPartialUsageAsync(GenerateReply r, ReplyStreamWriter writer, CancellationToken ct)
    {
        var streamed = writer.StreamedByProvider;
        if (streamed.Count == 0) return;
        var last = streamed[^1].Provider;
        var input = tokenCounter.CountMessages(r.Messages.Select(m => m.Content));
        var output = 0;
        var cost = CostCalculator.Compute(input, 0, last.Options.InputPricePerMillion, 0m);
        foreach (var (provider, text) in streamed)
        {
            var tokens = tokenCounter.CountText(text);
            output += tokens;
            cost += CostCalculator.Compute(0, tokens, 0m, provider.Options.OutputPricePerMillion);
        }
        metrics.RecordCost(r.Tier, last.Name, last.Model, cost, ExperimentTags.Of(r));
        await publisher.Publish(new UsageRecorded(r.CorrelationId, timeProvider.GetUtcNow(), r.ReplyId, r.TenantId, r.UserId, r.ConversationId,
            last.Name, last.Model, r.PromptVersion, input, output, cost, r.PromptRef), ct);
    }

    private Task PublishGeneratedAsync(GenerateReply r, string content, DoneEvent done, TimeSpan latency, TimeSpan ttft, CancellationToken ct) =>
        ReplyOutcomes.PublishGeneratedAsync(publisher, timeProvider.GetUtcNow(), r, content, done, latency, ttft, ct);

    /// <summary>For moderation's audit log; the message id is derived from the reply id so a republish is deduplicated.</summary>
    private Task PublishOutputBlockedAsync(GenerateReply r, string category, ModeratedReplySink sink, CancellationToken ct)
    {
        var (excerpt, hash) = sink.AuditExcerpt();
        return publisher.Publish(new OutputBlocked(r.CorrelationId, timeProvider.GetUtcNow(), r.ReplyId, r.TenantId, r.UserId,
            r.ConversationId, category, excerpt, hash), context => context.MessageId = OutputBlockedMessageId.For(r.ReplyId), ct);
    }

    private Task PublishFailedAsync(GenerateReply r, string code, string reason, string partial, CancellationToken ct) =>
        publisher.Publish(new ReplyFailed(r.CorrelationId, timeProvider.GetUtcNow(), r.ReplyId, r.TenantId, r.UserId, r.ConversationId,
            code, reason, partial), ct);
}
