using System.Diagnostics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;
using static Chatbot.InferenceWorker.UnitTests.ScriptedChatService;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class ProviderChainTests
{
    private static readonly ChatTurn[] Messages = [new("system", "Be brief."), new("user", "Hi")];

    private static ProviderException RateLimited(double retryAfterSeconds) => new("HTTP 429", 429, TimeSpan.FromSeconds(retryAfterSeconds));

    [Fact]
    public async Task A_429_is_retried_on_the_same_provider_after_its_Retry_After()
    {
        var primary = new ScriptedChatService(Fail(RateLimited(0.4)), Reply("Hello", " there"));
        var sink = new RecordingSink();
        var clock = Stopwatch.StartNew();

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary)).StreamAsync(Messages, 100, sink, default);

        Assert.Equal(2, primary.Calls);
        Assert.True((primary.CallTimes[1] - primary.CallTimes[0]).TotalMilliseconds >= 390, "waited for Retry-After");
        Assert.Equal("primary", reply.Provider.Name);
        Assert.Equal("Hello there", reply.Content);
        Assert.Equal(["Hello", " there"], sink.Events);
    }

    [Fact]
    public async Task A_500_is_retried_with_exponential_backoff_until_the_retries_run_out()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("HTTP 500", 500)));
        var fallback = new ScriptedChatService(Reply("ok"));
        var settings = ChainFactory.FastResilience(s => { s.MaxRetries = 3; s.BaseDelayMilliseconds = 50; });

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary, settings), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(4, primary.Calls); // 1 + 3 retries
        var gaps = primary.CallTimes.Zip(primary.CallTimes.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        // Jittered exponential backoff (50, 100, 200 ms on average, decorrelated jitter can go lower); an immediate retry is ~0 ms.
        Assert.True(gaps.Sum() >= 60, $"backoff waits, got {string.Join(",", gaps)}");
        Assert.Equal("fallback", reply.Provider.Name);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_maximum_delay_falls_back_at_once()
    {
        var primary = new ScriptedChatService(Fail(RateLimited(30)));
        var fallback = new ScriptedChatService(Reply("from fallback"));
        var clock = Stopwatch.StartNew();

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(1, primary.Calls);
        Assert.Equal("fallback", reply.Provider.Name);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_non_transient_error_is_not_retried()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("HTTP 400", 400)));
        var fallback = new ScriptedChatService(Reply("ok"));

        await ChainFactory.Chain(ChainFactory.Provider("primary", primary), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(1, primary.Calls);
    }

    [Fact]
    public async Task Fallback_before_any_token_is_invisible_to_the_stream()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("down", isConnectionFailure: true)));
        var fallback = new ScriptedChatService(Reply("Fine", "."));
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, sink, default);

        Assert.Equal("fallback", reply.Provider.Name);
        Assert.Equal(["Fine", "."], sink.Events);
        Assert.DoesNotContain(RecordingSink.ResetMarker, sink.Events);
    }

    [Fact]
    public async Task Failure_after_tokens_resets_the_stream_and_continues_with_the_next_provider_without_retrying()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("dropped", isConnectionFailure: true), "Half", " an"));
        var fallback = new ScriptedChatService(Reply("Whole", " answer"));
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, sink, default);

        Assert.Equal(1, primary.Calls);
        Assert.Equal(["Half", " an", RecordingSink.ResetMarker, "Whole", " answer"], sink.Events);
        Assert.Equal("Whole answer", reply.Content);
    }

    [Fact]
    public async Task A_provider_that_sends_nothing_within_its_timeout_falls_back()
    {
        var primary = new ScriptedChatService(new Step([], Hang: true));
        var fallback = new ScriptedChatService(Reply("late but fine"));
        var settings = ChainFactory.FastResilience(s => s.MaxRetries = 0);
        var clock = Stopwatch.StartNew();

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary, settings, timeoutSeconds: 1), ChainFactory.Provider("fallback", fallback))
            .StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal("fallback", reply.Provider.Name);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 4);
    }

    [Fact]
    public async Task All_providers_down_gives_a_readable_reason_naming_each()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("The provider answered HTTP 503.", 503)));
        var fallback = new ScriptedChatService(Fail(new ProviderException("Could not reach the provider.", isConnectionFailure: true)));
        var settings = ChainFactory.FastResilience(s => s.MaxRetries = 0);

        var failure = await Assert.ThrowsAsync<AllProvidersFailedException>(() =>
            ChainFactory.Chain(ChainFactory.Provider("primary", primary, settings), ChainFactory.Provider("fallback", fallback, settings))
                .StreamAsync(Messages, 100, new RecordingSink(), default));

        Assert.Equal(["primary: The provider answered HTTP 503.", "fallback: Could not reach the provider."], failure.Reasons);
        Assert.StartsWith("No model provider could answer right now.", failure.Message);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_later_requests_skip_the_provider()
    {
        var primary = new ScriptedChatService(Fail(new ProviderException("HTTP 500", 500)));
        var fallback = new ScriptedChatService(Reply("ok"));
        var settings = ChainFactory.FastResilience(s => { s.MaxRetries = 0; s.BreakerMinimumThroughput = 3; s.BreakerFailureRatio = 0.5; s.BreakerBreakSeconds = 30; });
        var chain = ChainFactory.Chain(ChainFactory.Provider("primary", primary, settings), ChainFactory.Provider("fallback", fallback));

        for (var i = 0; i < 3; i++) await chain.StreamAsync(Messages, 100, new RecordingSink(), default);
        var callsWhenOpened = primary.Calls;
        for (var i = 0; i < 3; i++) await chain.StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(3, callsWhenOpened);
        Assert.Equal(3, primary.Calls); // the open circuit short-circuits
        Assert.Equal(6, fallback.Calls);
    }

    [Fact]
    public async Task Provider_reported_usage_is_returned()
    {
        var primary = new ScriptedChatService(new Step(["a"], Usage: new ProviderUsage(11, 1)));

        var reply = await ChainFactory.Chain(ChainFactory.Provider("primary", primary)).StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(new ProviderUsage(11, 1), reply.ReportedUsage);
    }

    [Fact]
    public async Task Cancellation_stops_generation_and_propagates()
    {
        var primary = new ScriptedChatService(new Step(["a"], Hang: true));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ChainFactory.Chain(ChainFactory.Provider("primary", primary)).StreamAsync(Messages, 100, new RecordingSink(), cts.Token));

        // The provider hangs forever: ending at all proves the token stopped it (generous bound for a loaded CI machine).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(1, primary.Calls);
    }
}
