using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.Services;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class ChatCompletionServiceFactoryTests
{
    private static readonly ChatCompletionServiceFactory Factory = new(TestSimulators.Create(), NullLoggerFactory.Instance);

    [Theory]
    [InlineData(ProviderType.OpenAI, null, "gpt-4o-mini")]
    [InlineData(ProviderType.AzureOpenAI, "https://example-resource.openai.azure.com", "my-deployment")]
    [InlineData(ProviderType.OpenAICompatible, "http://127.0.0.1:11434/v1", "llama3")]
    [InlineData(ProviderType.Anthropic, null, "claude-sonnet-4-5")]
    public void Each_provider_type_is_composed_from_settings_into_a_Semantic_Kernel_chat_service(ProviderType type, string? endpoint, string model)
    {
        var service = Factory.Create(new ProviderOptions { Type = type, Name = "p", Endpoint = endpoint, Model = model, ApiKey = "test-key" });

        Assert.Equal(model, service.GetModelId());
    }

    [Fact]
    public void The_simulator_type_is_the_in_process_simulator()
    {
        var service = Factory.Create(new ProviderOptions { Type = ProviderType.Simulator, Name = "sim" });

        Assert.IsType<SimulatorChatCompletionService>(service);
        Assert.Equal("simulator", service.GetModelId());
    }
}
