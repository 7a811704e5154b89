using System.Diagnostics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Chatbot.InferenceWorker.Usage;
using Chatbot.TestSupport.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>
/// The worker's Anthropic path for real: <see cref="ChatCompletionServiceFactory"/> builds the Anthropic SDK client,
/// <see cref="ProviderChain"/> calls it, and it talks HTTP to <see cref="FakeAnthropicServer"/>. The OpenAI-compatible
/// provider is the real OpenAI connector against the simulator's HTTP endpoint.
/// </summary>
public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private static readonly ChatTurn[] Messages = [new("system", "Be brief."), new("user", "Hi")];
    private readonly ProviderSimulator _simulator = TestSimulators.Create(o => o.ReplyTokens = 6);
    private FakeAnthropicServer _anthropic = null!;
    private WebApplication _openAiCompatible = null!;

    public async Task InitializeAsync()
    {
        _anthropic = await FakeAnthropicServer.StartAsync();
        _openAiCompatible = await TestSimulators.StartHttpAsync(_simulator);
    }

    public async Task DisposeAsync()
    {
        await _anthropic.DisposeAsync();
        await _openAiCompatible.DisposeAsync();
    }

    private ChatProvider Anthropic(ResilienceSettings? resilience = null) => Provider(new ProviderOptions
    {
        Type = ProviderType.Anthropic, Name = "anthropic", Endpoint = _anthropic.BaseUrl, Model = FakeAnthropicServer.Model,
        ApiKey = "test-anthropic-key", InputPricePerMillion = 3, OutputPricePerMillion = 15, TimeoutSeconds = 30, // generous: the first SDK call JIT-compiles a lot on a loaded machine
    }, resilience);

    private ChatProvider OpenAiCompatible(ResilienceSettings? resilience = null) => Provider(new ProviderOptions
    {
        Type = ProviderType.OpenAICompatible, Name = "openai", Endpoint = _openAiCompatible.Urls.First() + "/simulators/openai/v1",
        Model = "simulator", TimeoutSeconds = 30, // generous: the first SDK call JIT-compiles a lot on a loaded machine
    }, resilience);

    private ChatProvider Provider(ProviderOptions options, ResilienceSettings? resilience) => ChainFactory.Real(options, _simulator, resilience);

    [Fact]
    public async Task Anthropic_streams_token_by_token_with_usage_from_message_start_and_message_delta_priced_at_its_rates()
    {
        _anthropic.Enqueue(AnthropicStep.Reply(25, 7, "Hello", " from", " Claude"));
        var provider = Anthropic();
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(provider).StreamAsync(Messages, 100, sink, default);

        Assert.Equal(["Hello", " from", " Claude"], sink.Events);
        Assert.Equal("Hello from Claude", reply.Content);
        Assert.Equal("anthropic", reply.Provider.Name);
        Assert.Equal(FakeAnthropicServer.Model, reply.Model);
        Assert.Equal(new ProviderUsage(25, 7), reply.ReportedUsage);
        Assert.Equal(0.00018m, CostCalculator.Compute(25, 7, provider.Options.InputPricePerMillion, provider.Options.OutputPricePerMillion));
        var request = Assert.Single(_anthropic.Requests);
        Assert.Equal("test-anthropic-key", request.ApiKey);
        Assert.Equal(FakeAnthropicServer.Model, request.Body.GetProperty("model").GetString());
        Assert.Equal(100, request.Body.GetProperty("max_tokens").GetInt32());
        Assert.True(request.Body.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task A_429_from_Anthropic_is_retried_after_its_retry_after_header()
    {
        _anthropic.Enqueue(AnthropicStep.RateLimited("1"), AnthropicStep.Reply(5, 2, "late", " ok"));

        var reply = await ChainFactory.Chain(Anthropic()).StreamAsync(Messages, 100, new RecordingSink(), default);

        var times = _anthropic.Requests.Select(r => r.ArrivedAt).ToList();
        Assert.Equal(2, times.Count);
        // Without the header the base delay (10 ms, jittered) would apply; the header asks for a second.
        Assert.True((times[1] - times[0]).TotalMilliseconds >= 950, $"waited {(times[1] - times[0]).TotalMilliseconds} ms");
        Assert.Equal("late ok", reply.Content);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_delay_falls_back_at_once()
    {
        _anthropic.Enqueue(AnthropicStep.RateLimited("60"));
        var clock = Stopwatch.StartNew();

        var reply = await ChainFactory.Chain(Anthropic(), OpenAiCompatible()).StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal(1, _anthropic.Calls);
        Assert.Equal("openai", reply.Provider.Name);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_529_overloaded_is_retried_then_the_chain_falls_back_to_the_OpenAI_compatible_provider()
    {
        _anthropic.Enqueue(AnthropicStep.Overloaded(), AnthropicStep.Overloaded(), AnthropicStep.Overloaded());
        var resilience = ChainFactory.FastResilience(s => s.MaxRetries = 2);
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(Anthropic(resilience), OpenAiCompatible()).StreamAsync(Messages, 100, sink, default);

        Assert.Equal(3, _anthropic.Calls); // 1 + 2 retries: 529 is transient
        Assert.Equal("openai", reply.Provider.Name);
        Assert.Equal("simulator", reply.Model);
        Assert.Equal(["anthropic", "openai"], sink.Selected);
        Assert.DoesNotContain(RecordingSink.ResetMarker, sink.Events);
    }

    [Fact]
    public async Task An_OpenAI_compatible_primary_falls_back_to_Anthropic_and_the_next_turn_goes_back_to_the_primary()
    {
        _anthropic.Enqueue(AnthropicStep.Reply(9, 3, "Anthropic", " answers"));
        var chain = ChainFactory.Chain(OpenAiCompatible(ChainFactory.FastResilience(s => s.MaxRetries = 0)), Anthropic());

        var failedOver = await chain.StreamAsync([new("user", "Hi [[sim:fail=500;provider=openai]]")], 100, new RecordingSink(), default);
        var back = await chain.StreamAsync(Messages, 100, new RecordingSink(), default);

        Assert.Equal("anthropic", failedOver.Provider.Name);
        Assert.Equal("Anthropic answers", failedOver.Content);
        Assert.Equal(new ProviderUsage(9, 3), failedOver.ReportedUsage);
        Assert.Equal("openai", back.Provider.Name);
        Assert.Equal(1, _anthropic.Calls);
    }

    [Fact]
    public async Task An_error_event_in_the_middle_of_an_Anthropic_stream_resets_the_reply_and_the_fallback_answers_whole()
    {
        _anthropic.Enqueue(AnthropicStep.FailMidStream("Half", " an"));
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(Anthropic(), OpenAiCompatible()).StreamAsync(Messages, 100, sink, default);

        Assert.Equal(1, _anthropic.Calls); // never retried after tokens
        Assert.Equal(["Half", " an", RecordingSink.ResetMarker], sink.Events.Take(3));
        Assert.Equal("openai", reply.Provider.Name);
        Assert.Equal(string.Concat(sink.Events.Skip(3)), reply.Content);
        Assert.NotEmpty(reply.Content);
    }

    [Fact]
    public async Task An_Anthropic_primary_that_fails_before_any_token_falls_back_to_OpenAI_compatible_invisibly()
    {
        _anthropic.Enqueue(AnthropicStep.FailMidStream());
        var sink = new RecordingSink();

        var reply = await ChainFactory.Chain(Anthropic(ChainFactory.FastResilience(s => s.MaxRetries = 0)), OpenAiCompatible())
            .StreamAsync(Messages, 100, sink, default);

        Assert.Equal("openai", reply.Provider.Name);
        Assert.DoesNotContain(RecordingSink.ResetMarker, sink.Events);
    }
}
