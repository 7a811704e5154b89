using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Chatbot.TestSupport.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>
/// A reply's sampling settings (temperature, top_p, stop) and preferred provider, as the chain hands them to real
/// provider SDKs: Semantic Kernel's OpenAI connector against the simulator's HTTP face (its request bodies recorded),
/// and the Anthropic SDK against <see cref="FakeAnthropicServer"/>.
/// </summary>
public sealed class SamplingSettingsTests : IAsyncLifetime
{
    private static readonly ChatTurn[] Messages = [new("system", "Be brief."), new("user", "Hi")];
    private static readonly SamplingSettings Sampling = new(0.25, 0.5, ["END", "STOP"]);
    private readonly ProviderSimulator _simulator = TestSimulators.Create(o => o.ReplyTokens = 6);
    private readonly ConcurrentQueue<JsonElement> _openAiBodies = new();
    private FakeAnthropicServer _anthropic = null!;
    private WebApplication _openAiCompatible = null!;

    public async Task InitializeAsync()
    {
        _anthropic = await FakeAnthropicServer.StartAsync();
        _openAiCompatible = await TestSimulators.StartHttpAsync(_simulator, app => app.Use(async (HttpContext http, RequestDelegate next) =>
        {
            http.Request.EnableBuffering();
            _openAiBodies.Enqueue((await JsonDocument.ParseAsync(http.Request.Body)).RootElement.Clone());
            http.Request.Body.Position = 0;
            await next(http);
        }));
    }

    public async Task DisposeAsync()
    {
        await _anthropic.DisposeAsync();
        await _openAiCompatible.DisposeAsync();
    }

    [Fact]
    public async Task The_OpenAI_connector_sends_temperature_top_p_and_stop()
    {
        await ChainFactory.Chain(Provider(OpenAiCompatible())).StreamAsync(Messages, 50, null, Sampling, new RecordingSink(), default);

        var body = Assert.Single(_openAiBodies);
        Assert.Equal(0.25, body.GetProperty("temperature").GetDouble());
        Assert.Equal(0.5, body.GetProperty("top_p").GetDouble());
        Assert.Equal(["END", "STOP"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
    }

    /// <summary>
    /// The Anthropic SDK (13.13) has no temperature or top_p in its request model (<c>MessageCreateParams</c>) and its
    /// <c>IChatClient</c> drops them; stop sequences it sends once <see cref="StopSequencesChatClient"/> put them where it reads them.
    /// </summary>
    [Fact]
    public async Task The_Anthropic_request_carries_the_stop_sequences()
    {
        await ChainFactory.Chain(Provider(Anthropic())).StreamAsync(Messages, 50, null, Sampling, new RecordingSink(), default);

        var body = Assert.Single(_anthropic.Requests).Body;
        Assert.True(body.TryGetProperty("stop_sequences", out var stop), body.ToString());
        Assert.Equal(["END", "STOP"], stop.EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Without_sampling_settings_nothing_is_sent_and_the_provider_defaults_apply()
    {
        await ChainFactory.Chain(Provider(OpenAiCompatible())).StreamAsync(Messages, 50, new RecordingSink(), default);

        var body = Assert.Single(_openAiBodies);
        Assert.False(body.TryGetProperty("temperature", out _));
        Assert.False(body.TryGetProperty("stop", out _));
    }

    [Fact]
    public async Task The_preferred_provider_answers_first_and_the_rest_of_the_chain_stays_its_fallback()
    {
        var chain = ChainFactory.Chain(Provider(OpenAiCompatible()), Provider(Anthropic()));

        var preferred = await chain.StreamAsync(Messages, 50, "anthropic", null, new RecordingSink(), default);
        var unknown = await chain.StreamAsync(Messages, 50, "nobody", null, new RecordingSink(), default);
        _anthropic.Enqueue(AnthropicStep.Overloaded(), AnthropicStep.Overloaded(), AnthropicStep.Overloaded());
        var fallback = await chain.StreamAsync(Messages, 50, "anthropic", null, new RecordingSink(), default);

        Assert.Equal("anthropic", preferred.Provider.Name);
        Assert.Equal("openai", unknown.Provider.Name);
        Assert.Equal("openai", fallback.Provider.Name);
        Assert.Equal(["anthropic", "openai"], chain.InOrder("ANTHROPIC").Select(p => p.Name));
    }

    [Fact]
    public async Task The_simulator_cuts_its_reply_at_a_stop_sequence_and_says_length_when_max_tokens_cut_it()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_openAiCompatible.Urls.First()) };
        var stopped = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            messages = new[] { new { role = "user", content = "[[sim:echo]] alpha beta STOPHERE gamma" } }, stop = "STOPHERE",
        });
        var capped = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            messages = new[] { new { role = "user", content = "Tell me more" } }, max_tokens = 3,
        });

        var stoppedChoice = (await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("choices")[0];
        Assert.Equal("user: [[sim:echo]] alpha beta ", stoppedChoice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", stoppedChoice.GetProperty("finish_reason").GetString());
        var cappedBody = await capped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("length", cappedBody.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(3, cappedBody.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public void A_stop_sequence_inside_a_token_keeps_the_part_before_it()
    {
        Assert.Equal(["Hello", " wo"], ProviderSimulator.CutAtStop(["Hello", " world", " again"], ["rld", "again"]));
        Assert.Equal(["Hello", " world"], ProviderSimulator.CutAtStop(["Hello", " world"], ["absent"]));
        Assert.Empty(ProviderSimulator.CutAtStop(["Hello"], ["He"]));
    }

    private ProviderOptions Anthropic() => new()
    {
        Type = ProviderType.Anthropic, Name = "anthropic", Endpoint = _anthropic.BaseUrl, Model = FakeAnthropicServer.Model,
        ApiKey = "test-anthropic-key", TimeoutSeconds = 30,
    };

    private ProviderOptions OpenAiCompatible() => new()
    {
        Type = ProviderType.OpenAICompatible, Name = "openai", Endpoint = _openAiCompatible.Urls.First() + "/v1", Model = "simulator",
        TimeoutSeconds = 30,
    };

    private ChatProvider Provider(ProviderOptions options) => ChainFactory.Real(options, _simulator);
}
