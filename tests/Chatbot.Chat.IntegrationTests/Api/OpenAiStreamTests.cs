using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using OpenAI;
using OpenAI.Chat;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// Chat's <c>/v1</c> door driven by the official OpenAI .NET SDK, with <see cref="FakeWorker"/> playing the worker on
/// the wire: what the turn carries to the worker, and how a refusal written into the reply stream after text reaches
/// the SDK.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class OpenAiStreamTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_refusal_after_streamed_text_ends_the_stream_with_finish_reason_content_filter()
    {
        var user = TestUser.NewTenant();
        var http = fixture.Chat.CreateClient(user);
        var conversation = await http.CreateConversationAsync();
        var options = new ChatCompletionOptions();
        options.Metadata["conversation_id"] = conversation.Id.ToString();

        var reading = ReadAsync(Client(http).CompleteChatStreamingAsync([new UserChatMessage("Tell me something.")], options));
        var command = await fixture.Worker.WaitForConversationAsync(conversation.Id);
        await fixture.Worker.AppendAsync(command.ReplyId, ReplyStreamProtocol.Token, new { text = "Here is" });
        await fixture.Worker.AppendAsync(command.ReplyId, ReplyStreamProtocol.Error,
            new { code = ModerationProtocol.BlockedCode, message = "The reply was stopped by the output checks." });
        var (text, finish) = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Here is", text);
        Assert.Equal(ChatFinishReason.ContentFilter, finish);
    }

    [Fact]
    public async Task The_turn_carries_the_aliases_provider_and_the_sampling_settings_to_the_worker()
    {
        var user = TestUser.NewTenant();
        var http = fixture.Chat.CreateClient(user);
        var conversation = await http.CreateConversationAsync();
        var options = new ChatCompletionOptions { Temperature = 0.5f, TopP = 0.25f };
        options.StopSequences.Add("END");
        options.Metadata["conversation_id"] = conversation.Id.ToString();

        var reading = ReadAsync(Client(http, "routed").CompleteChatStreamingAsync([new UserChatMessage("Route me.")], options));
        var command = await fixture.Worker.WaitForConversationAsync(conversation.Id);
        await fixture.Worker.AppendAsync(command.ReplyId, ReplyStreamProtocol.Done,
            new { inputTokens = 1, outputTokens = 1, cost = 0, model = "m", provider = "p", promptVersion = 1 });
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("anthropic-primary", command.Provider);
        Assert.NotNull(command.Sampling);
        Assert.Equal((0.5, 0.25), (command.Sampling.Temperature, command.Sampling.TopP)); // both exact in float and double
        Assert.Equal(["END"], command.Sampling.Stop);
    }

    private static async Task<(string Text, ChatFinishReason? Finish)> ReadAsync(AsyncCollectionResult<StreamingChatCompletionUpdate> updates)
    {
        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in updates)
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            finish = update.FinishReason ?? finish;
        }
        return (text.ToString(), finish);
    }

    /// <summary>The SDK over the test host's client (its X-Test-* headers authenticate; the key is not read).</summary>
    private ChatClient Client(HttpClient http, string model = "default") => new(model, new ApiKeyCredential("unused"),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
}
