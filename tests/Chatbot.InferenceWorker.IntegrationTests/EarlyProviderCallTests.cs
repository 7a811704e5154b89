extern alias worker;

using System.Text.Json;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;
using OutputModeration = worker::Chatbot.InferenceWorker.OutputChecks.OutputModeration;
using OutputModerationOptions = worker::Chatbot.InferenceWorker.OutputChecks.OutputModerationOptions;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// On a first delivery the worker asks the provider while its Redis reads (stream snapshot, cancel flag, output context)
/// are still in flight, and a gate holds what the provider yields until the reads have decided. The reads are held back
/// without timing: a moderated request's output context is written only after the test saw the provider answer, and
/// the generator waits for that context. The worker's real generator, simulator and Redis; the provider is observed.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class EarlyProviderCallTests(WorkerFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_first_delivery_asks_the_provider_before_the_reads_decided_and_streams_the_full_reply_once_they_have()
    {
        var request = WorkerFixture.ModeratedRequest("Tell me about message queues.");
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        var generating = fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain, ContextWaiting(TimeSpan.FromSeconds(30))]);
        await observed.FirstToken.Task.WaitAsync(Wait); // the output context is not written yet: the reads cannot have decided
        await Task.Delay(200);
        Assert.False(generating.IsCompleted);
        Assert.False(await fixture.Redis.GetDatabase().KeyExistsAsync(StreamKey(request.ReplyId)), "a held token reached the stream");
        await fixture.WriteOutputContextAsync(request.ReplyId);
        await generating;

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal(Done, entries[^1].Type);
        Assert.Equal(ExpectedText(request), ReplyStreamReader.Text(entries));
        var generated = (ReplyGenerated)Assert.Single(recorder.Published, p => p.Message is ReplyGenerated).Message;
        Assert.Equal(ExpectedText(request), generated.Content);
    }

    [Fact]
    public async Task A_first_delivery_of_a_finished_reply_cancels_the_early_call_and_only_republishes_the_outcome()
    {
        var request = WorkerFixture.Request("Already answered [[sim:latency=60000]]");
        var db = fixture.Redis.GetDatabase();
        await db.StreamAddAsync(StreamKey(request.ReplyId), [new(TypeField, Token), new(DataField, JsonSerializer.Serialize(new { text = "Final answer." }))]);
        await db.StreamAddAsync(StreamKey(request.ReplyId), [new(TypeField, Done), new(DataField,
            """{"inputTokens":12,"outputTokens":3,"cost":0.000018,"model":"simulator","provider":"primary","promptVersion":7}""")]);
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain]);

        Assert.True(observed.Asked.Task.IsCompleted, "the provider was asked before the snapshot came back");
        await observed.Cancelled.Task.WaitAsync(Wait);
        var generated = (ReplyGenerated)Assert.Single(recorder.Published, p => p.Message is ReplyGenerated).Message;
        Assert.Equal(("Final answer.", 3), (generated.Content, generated.OutputTokens));
        Assert.Equal(2, await db.StreamLengthAsync(StreamKey(request.ReplyId)));
    }

    [Fact]
    public async Task A_cancel_flag_set_before_the_start_cancels_the_early_call_and_ends_the_reply_as_cancelled()
    {
        var request = WorkerFixture.Request("Cancelled early [[sim:latency=60000]]");
        await fixture.Redis.GetDatabase().StringSetAsync(CancelKey(request.ReplyId), "1", TimeSpan.FromMinutes(5));
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain]);

        Assert.True(observed.Asked.Task.IsCompleted, "the provider was asked before the cancel flag came back");
        await observed.Cancelled.Task.WaitAsync(Wait);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Error);
        Assert.Equal([Error], entries.Select(e => e.Type));
        var failed = (ReplyFailed)Assert.Single(recorder.Published, p => p.Message is ReplyFailed).Message;
        Assert.Equal(ReplyFailureCodes.Cancelled, failed.Code);
    }

    [Fact]
    public async Task Tokens_held_at_the_gate_follow_the_reset_of_a_partial_stream()
    {
        var request = WorkerFixture.ModeratedRequest("Pick up where it broke.");
        await fixture.Redis.GetDatabase().StreamAddAsync(StreamKey(request.ReplyId),
            [new(TypeField, Token), new(DataField, JsonSerializer.Serialize(new { text = "Stale partial" }))]);
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, _) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        var generating = fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain, ContextWaiting(TimeSpan.FromSeconds(30))]);
        await observed.FirstToken.Task.WaitAsync(Wait);
        await fixture.WriteOutputContextAsync(request.ReplyId);
        await generating;

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal([Token, Reset], entries.Take(2).Select(e => e.Type));
        Assert.Equal(Done, entries[^1].Type);
        Assert.Equal(ExpectedText(request), ReplyStreamReader.Text(entries.Skip(2)));
    }

    [Fact]
    public async Task A_moderated_first_delivery_whose_context_never_comes_cancels_the_early_call_and_fails_closed()
    {
        var request = WorkerFixture.ModeratedRequest("No context for me [[sim:latency=60000]]");
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain, ContextWaiting(TimeSpan.FromMilliseconds(300))]);

        Assert.True(observed.Asked.Task.IsCompleted, "the provider was asked before the output context came back");
        await observed.Cancelled.Task.WaitAsync(Wait);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Error);
        Assert.DoesNotContain(entries, e => e.Type == Token);
        var failed = (ReplyFailed)Assert.Single(recorder.Published, p => p.Message is ReplyFailed).Message;
        Assert.Equal(ReplyFailureCodes.ModerationUnavailable, failed.Code);
    }

    [Fact]
    public async Task A_redelivered_request_asks_the_provider_only_after_the_reads_decided()
    {
        var request = WorkerFixture.ModeratedRequest("Redelivered.");
        await fixture.Redis.GetDatabase().StreamAddAsync(StreamKey(request.ReplyId),
            [new(TypeField, Token), new(DataField, JsonSerializer.Serialize(new { text = "Stale partial" }))]);
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, _) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        var generating = fixture.GenerateDirectAsync(request, endpoint, redelivered: true,
            replacing: [observed.Chain, ContextWaiting(TimeSpan.FromSeconds(30))]);
        await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Reset); // the snapshot is read; the output context is still awaited
        await Task.Delay(200);
        Assert.False(observed.Asked.Task.IsCompleted, "a redelivered request asked the provider before its reads decided");
        await fixture.WriteOutputContextAsync(request.ReplyId);
        await generating;

        Assert.True(observed.Asked.Task.IsCompleted);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal(ExpectedText(request), ReplyStreamReader.Text(entries.Skip(2)));
    }

    /// <summary>The worker's output moderation, waiting up to <paramref name="wait"/> for a moderated request's context.</summary>
    private OutputModeration ContextWaiting(TimeSpan wait) =>
        new(fixture.Redis, Options.Create(new OutputModerationOptions { ContextWait = wait }));

    private string ExpectedText(GenerateReply request) => fixture.PlanOf(request).Text;
}
