using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>
/// The in-process simulator and its HTTP face (called by Semantic Kernel's real OpenAI connector) answer a
/// <c>tool=</c> directive with the same function call of a caller's tool, and the call's result with the same text.
/// </summary>
public sealed class SimulatorToolCallParityTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<ClientTool> Tools =
        [new ClientTool("get_weather", "The weather in a city", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")];
    private const string Prompt = """Weather in Paris? [[sim:tool=get_weather;args={"city":"Paris","unit":"celsius"}]]""";
    private readonly ProviderSimulator _simulator = TestSimulators.Create(o => o.ReplyTokens = 15);
    private WebApplication _app = null!;

    public async Task InitializeAsync() => _app = await TestSimulators.StartHttpAsync(_simulator);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> Faces => ["in-process", "http"];

    [Theory]
    [MemberData(nameof(Faces))]
    public async Task Both_faces_stream_the_call_and_answer_its_result(string face)
    {
        var service = Service(face);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = ClientToolBehavior.For(Tools, null) };

        var (calls, text) = await StreamAsync(service, ChatHistoryFactory.Create([new ChatTurn("system", "Be brief."), new ChatTurn("user", Prompt)]), settings);

        var call = Assert.Single(calls);
        Assert.Equal(("get_weather", """{"city":"Paris","unit":"celsius"}"""), (call.Name, call.Arguments));
        Assert.StartsWith("call_sim0_", call.Id);
        Assert.Equal("", text);

        (calls, text) = await StreamAsync(service, ChatHistoryFactory.Create([
            new ChatTurn("system", "Be brief."), new ChatTurn("user", Prompt), new ChatTurn("assistant", "", [call]),
            new ChatTurn("tool", "Sunny, 21 degrees", ToolCallId: call.Id)]), settings);

        Assert.Empty(calls);
        Assert.Equal("The tool answered: Sunny, 21 degrees", text);
    }

    private IChatCompletionService Service(string face) => new ChatCompletionServiceFactory(_simulator, NullLoggerFactory.Instance).Create(
        face == "http"
            ? new ProviderOptions { Type = ProviderType.OpenAICompatible, Name = "sim-http", Endpoint = _app.Urls.First() + "/v1", Model = "simulator" }
            : new ProviderOptions { Type = ProviderType.Simulator, Name = "simulator" });

    private static async Task<(IReadOnlyList<ChatToolCall> Calls, string Text)> StreamAsync(IChatCompletionService service, ChatHistory history,
        PromptExecutionSettings settings)
    {
        var collector = new ToolCallCollector();
        var text = new StringBuilder();
        await foreach (var chunk in service.GetStreamingChatMessageContentsAsync(history, settings))
        {
            collector.Add(chunk);
            text.Append(chunk.Content);
        }
        return (collector.Calls, text.ToString());
    }
}
