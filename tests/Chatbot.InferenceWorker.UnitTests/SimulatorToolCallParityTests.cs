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

    [Theory]
    [MemberData(nameof(Faces))]
    public async Task Both_faces_have_a_tenants_tool_run_through_the_kernels_filter_and_answer_its_result(string face)
    {
        var kernel = new Kernel();
        kernel.Plugins.AddFromFunctions("tools", [Chatbot.InferenceWorker.Tools.ToolFunctions.Create("order_status", "Order status.",
            """{"type":"object","properties":{"orderId":{"type":"string"}}}""")]);
        var filter = new AnsweringFilter();
        kernel.AutoFunctionInvocationFilters.Add(filter);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var history = ChatHistoryFactory.Create([new ChatTurn("user", """Where? [[sim:tool=order_status;args={"orderId":"4711"}]]""")]);

        var text = new StringBuilder();
        await foreach (var chunk in Service(face).GetStreamingChatMessageContentsAsync(history, settings, kernel))
        {
            text.Append(chunk.Content);
        }

        Assert.Equal("The tool answered: shipped on Monday", text.ToString());
        Assert.Equal(("order_status", "4711"), Assert.Single(filter.Calls));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public async Task Both_faces_answer_a_function_that_was_not_offered_with_the_connectors_refusal_without_running_a_filter(string face)
    {
        var (kernel, filter) = KernelWith(new AnsweringFilter());

        var text = await AutoInvokedAsync(Service(face), kernel, """Go [[sim:tool=drop_tables;args={}]]""");

        Assert.Equal("The tool answered: " + SimulatorChatCompletionService.UndefinedFunction, text);
        Assert.Empty(filter.Calls);
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public async Task Both_faces_answer_a_refused_call_with_the_connectors_error_and_the_refusals_words(string face)
    {
        var (kernel, _) = KernelWith(new RefusingFilter());

        var text = await AutoInvokedAsync(Service(face), kernel, """Where? [[sim:tool=order_status;args={"orderId":"4711"}]]""");

        Assert.Equal("The tool answered: " + SimulatorChatCompletionService.FailedFunction + RefusingFilter.Reason, text);
    }

    private static (Kernel Kernel, T Filter) KernelWith<T>(T filter) where T : IAutoFunctionInvocationFilter
    {
        var kernel = new Kernel();
        kernel.Plugins.AddFromFunctions("tools", [Chatbot.InferenceWorker.Tools.ToolFunctions.Create("order_status", "Order status.",
            """{"type":"object","properties":{"orderId":{"type":"string"}}}""")]);
        kernel.AutoFunctionInvocationFilters.Add(filter);
        return (kernel, filter);
    }

    private static async Task<string> AutoInvokedAsync(IChatCompletionService service, Kernel kernel, string prompt)
    {
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var text = new StringBuilder();
        await foreach (var chunk in service.GetStreamingChatMessageContentsAsync(ChatHistoryFactory.Create([new ChatTurn("user", prompt)]), settings, kernel))
        {
            text.Append(chunk.Content);
        }
        return text.ToString();
    }

    /// <summary>Refuses every call as the worker's tool filter does: by throwing, after its audit.</summary>
    private sealed class RefusingFilter : IAutoFunctionInvocationFilter
    {
        public const string Reason = "The call of order_status was refused: a test. Do not retry it.";

        public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next) =>
            throw new Chatbot.InferenceWorker.Tools.ToolCallRefusedException(Reason);
    }

    private sealed class AnsweringFilter : IAutoFunctionInvocationFilter
    {
        public List<(string Name, string? OrderId)> Calls { get; } = [];

        public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
        {
            Calls.Add((context.Function.Name, context.Arguments?["orderId"]?.ToString()));
            context.Result = new FunctionResult(context.Function, "shipped on Monday");
            return Task.CompletedTask;
        }
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
