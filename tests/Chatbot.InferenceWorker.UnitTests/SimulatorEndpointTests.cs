using System.Net;
using System.Text;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>The simulator's HTTP face on a real loopback port, called by Semantic Kernel's real OpenAI connector.</summary>
public sealed class SimulatorEndpointTests : IAsyncLifetime
{
    private readonly ProviderSimulator _simulator = TestSimulators.Create(o => o.ReplyTokens = 15);
    private WebApplication _app = null!;
    private string _baseAddress = "";

    public async Task InitializeAsync()
    {
        _app = await TestSimulators.StartHttpAsync(_simulator);
        _baseAddress = _app.Urls.First();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IChatCompletionService Connector(string path = "/v1") =>
        new ChatCompletionServiceFactory(_simulator, NullLoggerFactory.Instance).Create(new ProviderOptions
        {
            Type = ProviderType.OpenAICompatible, Name = "sim-http", Endpoint = _baseAddress + path, Model = "simulator",
        });

    private static ChatHistory History(string user)
    {
        var history = new ChatHistory("You are helpful.");
        history.AddUserMessage(user);
        return history;
    }

    [Fact]
    public async Task The_OpenAI_connector_streams_the_same_deterministic_text_as_the_in_process_simulator_with_usage()
    {
        var expected = _simulator.Plan(TestSimulators.Prompt("What is a stream?"), null, "simulator");
        var text = new StringBuilder();
        ProviderUsage? usage = null;
        string? model = null;

        await foreach (var chunk in Connector().GetStreamingChatMessageContentsAsync(History("What is a stream?")))
        {
            text.Append(chunk.Content);
            usage = UsageReader.Read(chunk.Metadata, chunk.InnerContent) ?? usage;
            model ??= chunk.ModelId;
        }

        Assert.Equal(expected.Text, text.ToString());
        Assert.Equal(new ProviderUsage(expected.InputTokens, 15), usage);
        Assert.Equal("simulator", model);
    }

    [Fact]
    public async Task The_OpenAI_connector_gets_a_non_streaming_completion()
    {
        var expected = _simulator.Plan(TestSimulators.Prompt("Once"), null, "simulator");

        var reply = await Connector().GetChatMessageContentAsync(History("Once"));

        Assert.Equal(expected.Text, reply.Content);
        Assert.Equal("simulator", reply.ModelId);
    }

    [Fact]
    public async Task A_simulated_429_reaches_the_chain_with_its_status_and_Retry_After()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in Connector().GetStreamingChatMessageContentsAsync(History("x [[sim:fail=429;retry-after=3]]"))) { }
        });

        var normalized = ProviderFailures.Normalize(failure);
        Assert.Equal(429, normalized.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), normalized.RetryAfter);
        Assert.True(normalized.IsTransient);
    }

    [Fact]
    public async Task A_simulated_disconnect_mid_stream_is_a_transient_connection_failure_after_some_tokens()
    {
        var received = 0;
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var chunk in Connector().GetStreamingChatMessageContentsAsync(History("x [[sim:fail=disconnect;after=4]]")))
            {
                if (!string.IsNullOrEmpty(chunk.Content)) received++;
            }
        });

        Assert.Equal(4, received);
        Assert.True(ProviderFailures.Normalize(failure).IsTransient);
    }

    [Fact]
    public async Task A_named_simulator_route_applies_only_directives_for_that_provider()
    {
        var prompt = "x [[sim:fail=500;provider=primary]]";

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in Connector("/simulators/primary/v1").GetStreamingChatMessageContentsAsync(History(prompt))) { }
        });
        var fine = await Connector("/simulators/fallback/v1").GetChatMessageContentAsync(History(prompt));

        Assert.Equal(500, ProviderFailures.Normalize(failure).StatusCode);
        Assert.False(string.IsNullOrEmpty(fine.Content));
    }

    [Fact]
    public async Task Invalid_json_gets_an_OpenAI_style_400()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(_baseAddress + "/v1/chat/completions", new StringContent("{not json", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request_error", body);
    }
}
