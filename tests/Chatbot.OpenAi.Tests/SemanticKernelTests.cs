using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace Chatbot.OpenAi.Tests;

/// <summary>Semantic Kernel's OpenAI connector with its endpoint set to chat's <c>/v1</c>.</summary>
[Collection(OpenAiSystemCollection.Name)]
public sealed class SemanticKernelTests(OpenAiSystemFixture system)
{
    [Fact]
    public async Task The_OpenAI_connector_gets_content_and_usage_that_billing_settled_and_another_tenant_cannot_reach_the_conversation()
    {
        using var caller = await system.SignUpAsync();
        using var stranger = await system.SignUpAsync();
        var conversation = await OpenAiSystemFixture.CreateConversationAsync(caller);
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 100, Metadata = new Dictionary<string, string> { ["conversation_id"] = conversation.ToString() } };
        var history = new ChatHistory();
        history.AddUserMessage("[[sim:echo]] Hello from Semantic Kernel");

        var reply = await Kernel(caller.ApiKey).GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings);

        Assert.Contains("user: [[sim:echo]] Hello from Semantic Kernel", reply.Content);
        var usage = Assert.IsType<ChatTokenUsage>(reply.Metadata!["Usage"], exactMatch: false);
        Assert.True(usage.InputTokenCount > 0 && usage.OutputTokenCount > 0);
        var ledger = await system.LedgerRowAsync(OpenAiSystemFixture.ReplyIdOf((string)reply.Metadata["Id"]!));
        Assert.NotNull(ledger);
        Assert.Equal((caller.TenantId, caller.UserId, conversation, usage.InputTokenCount, usage.OutputTokenCount),
            (ledger.TenantId, ledger.UserId, ledger.ConversationId, ledger.InputTokens, ledger.OutputTokens));

        var foreign = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Kernel(stranger.ApiKey).GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private Kernel Kernel(string key)
    {
        var client = new OpenAIClient(new ApiKeyCredential(key),
            new OpenAIClientOptions { Endpoint = system.V1, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) });
        return Microsoft.SemanticKernel.Kernel.CreateBuilder().AddOpenAIChatCompletion("default", client).Build();
    }
}
