using System.Diagnostics;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Chatbot.InferenceWorker.Usage;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class SimulatorTests
{
    private static async Task<(string Text, int Count)> Collect(ProviderSimulator simulator, SimulationPlan plan, CancellationToken ct = default)
    {
        var tokens = new List<string>();
        await foreach (var t in simulator.StreamAsync(plan, ct)) tokens.Add(t);
        return (string.Concat(tokens), tokens.Count);
    }

    [Fact]
    public async Task Same_prompt_and_seed_give_the_same_text_and_another_prompt_another_text()
    {
        var simulator = TestSimulators.Create();
        var first = await Collect(simulator, simulator.Plan(TestSimulators.Prompt("What is Redis?"), null, "sim"));
        var again = await Collect(TestSimulators.Create(), TestSimulators.Create().Plan(TestSimulators.Prompt("What is Redis?"), null, "sim"));
        var other = await Collect(simulator, simulator.Plan(TestSimulators.Prompt("What is RabbitMQ?"), null, "sim"));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.Equal(12, first.Count);
        Assert.EndsWith(".", first.Text);
    }

    [Fact]
    public void Reply_length_is_capped_by_max_tokens_and_set_by_directive()
    {
        var simulator = TestSimulators.Create();
        Assert.Equal(5, simulator.Plan(TestSimulators.Prompt("hi"), 5, "sim").OutputTokens);
        Assert.Equal(30, simulator.Plan(TestSimulators.Prompt("hi [[sim:tokens=30]]"), null, "sim").OutputTokens);
    }

    [Fact]
    public async Task Tokens_arrive_at_the_configured_rate_after_the_first_token_latency()
    {
        var simulator = TestSimulators.Create(o => { o.FirstTokenLatencyMilliseconds = 100; o.TokensPerSecond = 100; o.ReplyTokens = 21; });
        var clock = Stopwatch.StartNew(); // the latency counts from the request's arrival, that is from Plan
        var plan = simulator.Plan(TestSimulators.Prompt("pace"), null, "sim");
        TimeSpan? first = null;
        await foreach (var _ in simulator.StreamAsync(plan, CancellationToken.None)) first ??= clock.Elapsed;
        var total = clock.Elapsed;

        Assert.InRange(first!.Value.TotalMilliseconds, 95, 1000);
        // 20 gaps of 10 ms after the first token at 100 ms: the last one comes no earlier than 300 ms after the request.
        // (Tokens keep an absolute schedule, so a first token delayed by a loaded machine shortens the gaps after it.)
        Assert.InRange(total.TotalMilliseconds, 295, 2000);
    }

    [Fact]
    public async Task The_first_token_latency_counts_from_the_request_so_counting_a_long_prompt_does_not_add_to_it()
    {
        // Counting this prompt takes 3 s (a stand-in for a very long one); the latency is 3.5 s from the request's arrival.
        // Wide margins: parallel tests on a loaded machine delayed a continuation by a second once (fresh-clone CI).
        var simulator = TestSimulators.Create(o => o.FirstTokenLatencyMilliseconds = 3500, new SlowCounter(TimeSpan.FromSeconds(3)));
        var arrived = Stopwatch.StartNew();
        var plan = await Task.Factory.StartNew(() => simulator.Plan(TestSimulators.Prompt("a long conversation"), null, "sim"),
            TaskCreationOptions.LongRunning); // the 3 s of counting block a thread of their own, not the pool's
        var planned = arrived.Elapsed;
        TimeSpan? first = null;
        await foreach (var _ in simulator.StreamAsync(plan, CancellationToken.None)) first ??= arrived.Elapsed;

        Assert.True(planned >= TimeSpan.FromSeconds(3));
        Assert.InRange(first!.Value.TotalMilliseconds, 3495, 6000); // not 3 s of counting + 3.5 s of latency (6.5 s)
    }

    private sealed class SlowCounter(TimeSpan delay) : ITokenCounter
    {
        public int CountText(string text) => TestSimulators.Counter.CountText(text);

        public int CountMessages(IEnumerable<string> contents)
        {
            Thread.Sleep(delay);
            return TestSimulators.Counter.CountMessages(contents);
        }
    }

    [Fact]
    public async Task Echo_directive_returns_exactly_what_the_model_received()
    {
        var simulator = TestSimulators.Create();
        var messages = TestSimulators.Prompt("  Tell me  about\nsecrets [[sim:echo]] ");
        var (text, _) = await Collect(simulator, simulator.Plan(messages, 3, "sim"));

        Assert.Equal("system: You are helpful.\nuser:   Tell me  about\nsecrets [[sim:echo]] ", text);
    }

    [Fact]
    public async Task Rate_limit_fault_throws_429_with_retry_after_and_times_limits_it()
    {
        var simulator = TestSimulators.Create();
        var messages = TestSimulators.Prompt("hello [[sim:fail=429;times=1;retry-after=2]]");

        var failure = await Assert.ThrowsAsync<SimulatedFailureException>(() => Collect(simulator, simulator.Plan(messages, null, "sim")));
        var (text, _) = await Collect(simulator, simulator.Plan(messages, null, "sim"));

        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task Configured_server_error_and_provider_targeted_directives()
    {
        var broken = TestSimulators.Create(o => o.Fault = SimulatorFault.ServerError);
        var error = await Assert.ThrowsAsync<SimulatedFailureException>(() => Collect(broken, broken.Plan(TestSimulators.Prompt("x"), null, "sim")));
        Assert.Equal(500, error.StatusCode);

        var simulator = TestSimulators.Create();
        var messages = TestSimulators.Prompt("x [[sim:fail=500;provider=primary]]");
        await Assert.ThrowsAsync<SimulatedFailureException>(() => Collect(simulator, simulator.Plan(messages, null, "primary")));
        Assert.NotEmpty((await Collect(simulator, simulator.Plan(messages, null, "fallback"))).Text);
    }

    [Fact]
    public async Task Disconnect_fault_drops_the_stream_after_the_configured_tokens()
    {
        var simulator = TestSimulators.Create();
        var plan = simulator.Plan(TestSimulators.Prompt("x [[sim:fail=disconnect;after=3]]"), null, "sim");
        var received = new List<string>();
        var failure = await Assert.ThrowsAsync<SimulatedFailureException>(async () =>
        {
            await foreach (var t in simulator.StreamAsync(plan, CancellationToken.None)) received.Add(t);
        });

        Assert.Equal(3, received.Count);
        Assert.True(failure.IsConnectionFailure);
    }

    [Fact]
    public async Task Timeout_fault_hangs_until_the_caller_cancels()
    {
        var simulator = TestSimulators.Create();
        var plan = simulator.Plan(TestSimulators.Prompt("x [[sim:fail=timeout]]"), null, "sim");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect(simulator, plan, cts.Token));
        Assert.True(clock.ElapsedMilliseconds >= 150);
    }

    [Fact]
    public void Usage_counts_prompt_tokens_with_the_tokenizer()
    {
        var simulator = TestSimulators.Create();
        var plan = simulator.Plan(TestSimulators.Prompt("Hello world"), null, "sim");
        var expected = TestSimulators.Counter.CountMessages(["You are helpful.", "Hello world"]);
        Assert.Equal(expected, plan.InputTokens);
        Assert.True(plan.InputTokens > 6);
    }
}
