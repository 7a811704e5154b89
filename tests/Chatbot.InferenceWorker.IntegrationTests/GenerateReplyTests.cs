extern alias worker;

using System.Diagnostics;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.DependencyInjection;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

[Collection(WorkerCollection.Name)]
public sealed class GenerateReplyTests(WorkerFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Text(IEnumerable<StreamEntry> entries) =>
        string.Concat(entries.Where(e => e.Type == Token).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));

    private static JsonElement Data(IEnumerable<StreamEntry> entries, string type) =>
        JsonDocument.Parse(entries.Single(e => e.Type == type).Data).RootElement;

    [Fact]
    public async Task A_request_on_the_bus_streams_tokens_to_Redis_ends_with_done_and_publishes_the_outcome_and_usage()
    {
        var request = WorkerFixture.Request("Tell me about message queues.");
        var expected = fixture.PlanOf(request);

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId);

        Assert.Equal(Done, entries[^1].Type);
        Assert.Equal(expected.Text, Text(entries));
        Assert.Equal(expected.Text, generated.Content);
        var done = Data(entries, Done);
        Assert.Equal("primary", done.GetProperty("provider").GetString());
        Assert.Equal("simulator", done.GetProperty("model").GetString());
        Assert.Equal(7, done.GetProperty("promptVersion").GetInt32());
        Assert.Equal(expected.InputTokens, done.GetProperty("inputTokens").GetInt32());
        Assert.Equal(expected.OutputTokens, done.GetProperty("outputTokens").GetInt32());
        var cost = (expected.InputTokens * 1m + expected.OutputTokens * 2m) / 1_000_000m;
        Assert.Equal(cost, done.GetProperty("cost").GetDecimal());
        Assert.Equal(("primary", "simulator", cost, expected.OutputTokens), (generated.Provider, generated.Model, generated.Cost, generated.OutputTokens));
        Assert.Equal((request.CorrelationId, request.TenantId, 7), (generated.CorrelationId, generated.TenantId, generated.PromptVersion));
        Assert.Equal((expected.InputTokens, expected.OutputTokens, cost, "primary"), (usage.InputTokens, usage.OutputTokens, usage.Cost, usage.Provider));
        Assert.True(generated.TimeToFirstTokenMs <= generated.LatencyMs);
        Assert.True(await fixture.Redis.GetDatabase().KeyTimeToLiveAsync(StreamKey(request.ReplyId)) <= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task The_first_token_publishes_ReplyStarted_once_and_a_reply_cancelled_before_any_token_does_not()
    {
        var request = WorkerFixture.Request("Started? [[sim:tokens=30]]");
        var never = WorkerFixture.Request("Never started");
        await fixture.Redis.GetDatabase().StringSetAsync(CancelKey(never.ReplyId), "1", TimeSpan.FromMinutes(5));

        await fixture.Bus.Publish(request);
        await fixture.Bus.Publish(never);
        var started = await fixture.Recorder.WaitForAsync<ReplyStarted>(request.ReplyId);
        await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);
        await fixture.Recorder.WaitForAsync<ReplyFailed>(never.ReplyId);
        await Task.Delay(500);

        Assert.Equal((request.TenantId, request.UserId, request.ConversationId, "primary"),
            (started.TenantId, started.UserId, started.ConversationId, started.Provider));
        Assert.Single(fixture.Recorder.All<ReplyStarted>(request.ReplyId));
        Assert.Empty(fixture.Recorder.All<ReplyStarted>(never.ReplyId));
    }

    [Fact]
    public async Task The_prompt_reference_goes_into_done_ReplyGenerated_and_UsageRecorded()
    {
        var request = WorkerFixture.Request("Which prompt?") with { PromptRef = "tenant:v7" };

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId);

        Assert.Equal("tenant:v7", Data(entries, Done).GetProperty("promptRef").GetString());
        Assert.Equal(("tenant:v7", "tenant:v7"), (generated.PromptRef, usage.PromptRef));
    }

    [Fact]
    public async Task A_prompt_experiments_variant_goes_into_done()
    {
        var experiment = Guid.NewGuid();
        var request = WorkerFixture.Request("Which variant?") with { PromptRef = "tenant:v2", ExperimentId = experiment, Variant = "B" };

        await fixture.Bus.Publish(request);
        var done = Data(await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error), Done);

        Assert.Equal((experiment, "B"), (done.GetProperty("experiment").GetGuid(), done.GetProperty("variant").GetString()));
    }

    [Fact]
    public async Task The_first_entry_of_a_stream_is_announced_on_the_activity_channel_with_the_entry_itself()
    {
        var request = WorkerFixture.Request("Announce me");

        var announcement = await PublishAndWaitForAnnouncementAsync(request);

        // key, id, type, data of the stream's first entry, exactly as stored
        var first = (await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error))[0];
        Assert.Equal([StreamKey(request.ReplyId), first.Id, Token, first.Data], announcement.Split(ActivitySeparator));
    }

    [Fact]
    public async Task A_restarted_stream_is_announced_by_its_key_alone_so_no_replica_skips_what_came_before()
    {
        var request = WorkerFixture.Request("Restart me");
        await fixture.Redis.GetDatabase().StreamAddAsync(StreamKey(request.ReplyId),
            [new(TypeField, Token), new(DataField, "{\"text\":\"from a worker that died\"}")]);

        Assert.Equal(StreamKey(request.ReplyId), await PublishAndWaitForAnnouncementAsync(request));
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        Assert.Equal(Reset, entries[1].Type);
    }

    /// <summary>Publishes the request and returns the activity-channel message that announces its stream.</summary>
    private async Task<string> PublishAndWaitForAnnouncementAsync(GenerateReply request)
    {
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = StackExchange.Redis.RedisChannel.Literal(ActivityChannel);
        var subscriber = fixture.Redis.GetSubscriber();
        await subscriber.SubscribeAsync(channel, (_, message) =>
        {
            if (message.ToString().StartsWith(StreamKey(request.ReplyId), StringComparison.Ordinal)) announced.TrySetResult(message.ToString());
        });
        try
        {
            await fixture.Bus.Publish(request);
            return await announced.Task.WaitAsync(Wait);
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
        }
    }

    [Fact]
    public async Task A_429_from_the_primary_is_retried_after_Retry_After_and_the_primary_answers()
    {
        var request = WorkerFixture.Request("Retry me [[sim:fail=429;times=1;retry-after=1;provider=primary]]");
        var clock = Stopwatch.StartNew();

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "the worker waited for Retry-After");
        Assert.Equal("primary", Data(entries, Done).GetProperty("provider").GetString());
        Assert.DoesNotContain(entries, e => e.Type == Reset);
    }

    [Fact]
    public async Task Primary_down_before_any_token_falls_back_invisibly_and_done_names_the_fallback()
    {
        var request = WorkerFixture.Request("Primary is down [[sim:fail=500;provider=primary]]");

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);

        Assert.Equal("fallback", Data(entries, Done).GetProperty("provider").GetString());
        Assert.DoesNotContain(entries, e => e.Type == Reset);
        Assert.Equal("fallback", generated.Provider);
        Assert.Equal(Text(entries), generated.Content);
        Assert.Equal((generated.InputTokens * 3m + generated.OutputTokens * 4m) / 1_000_000m, generated.Cost);
    }

    [Fact]
    public async Task Primary_dropping_mid_stream_resets_the_stream_and_the_fallback_continues()
    {
        var request = WorkerFixture.Request("Drop it [[sim:fail=disconnect;after=20;tokens=40;provider=primary]]");

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);

        var reset = entries.ToList().FindIndex(e => e.Type == Reset);
        Assert.True(reset > 0, "tokens of the primary came before the reset");
        Assert.NotEmpty(Text(entries.Take(reset)));
        Assert.Equal(generated.Content, Text(entries.Skip(reset)));
        Assert.Equal("fallback", generated.Provider);
    }

    [Fact]
    public async Task All_providers_down_ends_the_stream_with_an_error_and_publishes_ReplyFailed()
    {
        var request = WorkerFixture.Request("Everything is down [[sim:fail=500]]");

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var failed = await fixture.Recorder.WaitForAsync<ReplyFailed>(request.ReplyId);

        var error = Data(entries, Error);
        Assert.Equal(ReplyFailureCodes.ProviderUnavailable, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("No model provider could answer", message);
        Assert.Contains("primary", message);
        Assert.Contains("fallback", message);
        Assert.Equal(ReplyFailureCodes.ProviderUnavailable, failed.Code);
        Assert.Equal(message, failed.Reason);
        Assert.Empty(fixture.Recorder.All<ReplyGenerated>(request.ReplyId));
    }

    [Fact]
    public async Task Every_provider_failing_after_streaming_bills_what_was_streamed_before_ReplyFailed()
    {
        var request = WorkerFixture.Request("Half an answer [[sim:fail=500;after=8;tokens=40]]");
        var counter = fixture.Worker.Services.GetRequiredService<worker::Chatbot.InferenceWorker.Usage.ITokenCounter>();

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var failed = await fixture.Recorder.WaitForAsync<ReplyFailed>(request.ReplyId);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId);

        Assert.Equal(ReplyFailureCodes.ProviderUnavailable, failed.Code);
        var reset = entries.ToList().FindIndex(e => e.Type == Reset);
        Assert.True(reset > 0, "the primary streamed before it failed");
        var primaryOut = counter.CountText(Text(entries.Take(reset)));
        var fallbackOut = counter.CountText(Text(entries.Skip(reset)));
        Assert.True(fallbackOut > 0, "the fallback streamed before it failed");
        var input = counter.CountMessages(request.Messages.Select(m => m.Content));
        // Prompt at the last provider that streamed (fallback: 3/M), output at each provider's own price (2/M, 4/M).
        var cost = (input * 3m + primaryOut * 2m + fallbackOut * 4m) / 1_000_000m;
        Assert.Equal(("fallback", input, primaryOut + fallbackOut, cost), (usage.Provider, usage.InputTokens, usage.OutputTokens, usage.Cost));
        Assert.Single(fixture.Recorder.All<UsageRecorded>(request.ReplyId));
    }

    [Fact]
    public async Task Cancel_on_the_channel_stops_generation_within_one_second()
    {
        var request = WorkerFixture.Request("Long one [[sim:tps=10;tokens=300]]");
        await fixture.Bus.Publish(request);
        await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Token);

        var db = fixture.Redis.GetDatabase();
        await db.StringSetAsync(CancelKey(request.ReplyId), "1", TimeSpan.FromMinutes(5));
        var cancelledAt = DateTimeOffset.UtcNow;
        await fixture.Redis.GetSubscriber().PublishAsync(StackExchange.Redis.RedisChannel.Literal(CancelChannel), request.ReplyId.ToString());
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, TimeSpan.FromSeconds(5), Error, Done);
        var failed = await fixture.Recorder.WaitForAsync<ReplyFailed>(request.ReplyId);

        var error = entries.Single(e => e.Type == Error);
        Assert.True(error.SeenAt - cancelledAt < TimeSpan.FromSeconds(1), $"stopped after {(error.SeenAt - cancelledAt).TotalMilliseconds} ms");
        Assert.Equal(ReplyFailureCodes.Cancelled, Data(entries, Error).GetProperty("code").GetString());
        Assert.Equal(ReplyFailureCodes.Cancelled, failed.Code);
        Assert.False(string.IsNullOrEmpty(failed.PartialContent));
        Assert.DoesNotContain(entries, e => e.Type == Done);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId);
        Assert.Equal("primary", usage.Provider);
        Assert.True(usage.OutputTokens > 0 && usage.Cost > 0, "the streamed part is billed");
    }

    [Fact]
    public async Task A_reply_cancelled_before_it_starts_is_not_generated()
    {
        var request = WorkerFixture.Request("Never mind");
        await fixture.Redis.GetDatabase().StringSetAsync(CancelKey(request.ReplyId), "1", TimeSpan.FromMinutes(5));

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Error, Done);

        Assert.Equal([Error], entries.Select(e => e.Type));
        Assert.Equal(ReplyFailureCodes.Cancelled, (await fixture.Recorder.WaitForAsync<ReplyFailed>(request.ReplyId)).Code);
    }

    [Fact]
    public async Task A_redelivered_request_with_a_partial_stream_appends_reset_then_a_full_reply()
    {
        var request = WorkerFixture.Request("I was interrupted");
        var db = fixture.Redis.GetDatabase();
        foreach (var stale in new[] { "Stale", " partial" })
        {
            await db.StreamAddAsync(StreamKey(request.ReplyId), [new(TypeField, Token), new(DataField, JsonSerializer.Serialize(new { text = stale }))]);
        }

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);

        Assert.Equal([Token, Token, Reset], entries.Take(3).Select(e => e.Type));
        Assert.Equal(Done, entries[^1].Type);
        Assert.Equal(Text(entries.Skip(3)), generated.Content);
        Assert.DoesNotContain("Stale", generated.Content);
    }

    [Fact]
    public async Task A_redelivered_request_whose_stream_is_done_republishes_the_outcome_without_generating_again()
    {
        var request = WorkerFixture.Request("Already answered");
        var db = fixture.Redis.GetDatabase();
        var key = StreamKey(request.ReplyId);
        await db.StreamAddAsync(key, [new(TypeField, Token), new(DataField, JsonSerializer.Serialize(new { text = "Final answer." }))]);
        await db.StreamAddAsync(key, [new(TypeField, Done), new(DataField,
            """{"inputTokens":12,"outputTokens":3,"cost":0.000018,"model":"simulator","provider":"primary","promptVersion":7}""")]);

        await fixture.Bus.Publish(request);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId);

        Assert.Equal(("Final answer.", "primary", 12, 3, 0.000018m), (generated.Content, generated.Provider, generated.InputTokens, generated.OutputTokens, generated.Cost));
        Assert.Equal(0.000018m, usage.Cost);
        Assert.Equal(2, await db.StreamLengthAsync(key));
    }
}
