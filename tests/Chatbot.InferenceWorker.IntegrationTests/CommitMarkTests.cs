extern alias worker;

using Chatbot.Contracts.Inference;
using Chatbot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;
using InferenceOptions = worker::Chatbot.InferenceWorker.Configuration.InferenceOptions;
using TurnCommitWait = worker::Chatbot.InferenceWorker.Generation.TurnCommitWait;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// A request chat sent before its turn committed (<see cref="GenerateReply.AwaitCommit"/>): the provider is asked at once,
/// but nothing reaches the stream or the broker until the commit mark says committed; any other mark, or none within the
/// wait, drops the request. The worker's real generator and Redis; the provider is observed.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class CommitMarkTests(WorkerFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_request_sent_before_its_commit_streams_only_once_the_mark_says_committed()
    {
        var request = WorkerFixture.Request("Before the commit.") with { AwaitCommit = true };
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        var generating = fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain]);
        await observed.FirstToken.Task.WaitAsync(Wait);
        await Task.Delay(200);
        Assert.False(generating.IsCompleted);
        Assert.False(await Db.KeyExistsAsync(StreamKey(request.ReplyId)), "a token reached the stream before the commit");
        Assert.True(await Db.StringSetAsync(CommitKey(request.ReplyId), Committed, CommitMarkLifetime, When.NotExists));
        await generating;

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal(Done, entries[^1].Type);
        Assert.Single(recorder.Published, p => p.Message is ReplyGenerated);
        var streamExpiry = TimeSpan.FromSeconds(fixture.Worker.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.StreamExpirySeconds);
        Assert.True(await Eventually.TrueAsync(async () => await Db.KeyTimeToLiveAsync(CommitKey(request.ReplyId)) <= streamExpiry, Wait)); // goes with the stream
    }

    [Fact]
    public async Task An_aborted_turn_cancels_the_early_call_and_leaves_no_trace()
    {
        var request = WorkerFixture.Request("Rolled back [[sim:latency=60000]]") with { AwaitCommit = true };
        await Db.StringSetAsync(CommitKey(request.ReplyId), Aborted, CommitMarkLifetime);
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain]);

        await observed.Cancelled.Task.WaitAsync(Wait);
        Assert.False(await Db.KeyExistsAsync(StreamKey(request.ReplyId)));
        Assert.Empty(recorder.Published);
    }

    [Fact]
    public async Task A_mark_that_never_comes_is_taken_by_the_worker_as_abandoned()
    {
        var request = WorkerFixture.Request("Chat died before its commit [[sim:latency=60000]]") with { AwaitCommit = true };
        var observed = new ObservedProvider(fixture.Worker.Services);
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);
        var shortWait = new TurnCommitWait(fixture.Redis, Options.Create(new InferenceOptions { CommitWaitMilliseconds = 300 }), TimeProvider.System);

        await fixture.GenerateDirectAsync(request, endpoint, replacing: [observed.Chain, shortWait]);

        await observed.Cancelled.Task.WaitAsync(Wait);
        Assert.Equal(Abandoned, (string?)await Db.StringGetAsync(CommitKey(request.ReplyId))); // chat's later mark now fails
        Assert.False(await Db.KeyExistsAsync(StreamKey(request.ReplyId)));
        Assert.Empty(recorder.Published);
    }

    [Fact]
    public async Task A_redelivered_request_whose_stream_has_entries_goes_on_without_a_mark()
    {
        var request = WorkerFixture.Request("Restarted after a crash.") with { AwaitCommit = true };
        await Db.StreamAddAsync(StreamKey(request.ReplyId), [new(TypeField, Token), new(DataField, """{"text":"Stale partial"}""")]);
        var (endpoint, _) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);
        var shortWait = new TurnCommitWait(fixture.Redis, Options.Create(new InferenceOptions { CommitWaitMilliseconds = 300 }), TimeProvider.System);

        await fixture.GenerateDirectAsync(request, endpoint, redelivered: true, replacing: [shortWait]);

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal([Token, Reset], entries.Take(2).Select(e => e.Type));
        Assert.Equal(Done, entries[^1].Type);
        Assert.False(await Db.KeyExistsAsync(CommitKey(request.ReplyId)));
    }

    private IDatabase Db => fixture.Redis.GetDatabase();
}
