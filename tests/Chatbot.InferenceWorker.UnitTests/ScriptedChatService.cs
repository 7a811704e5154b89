using System.Runtime.CompilerServices;
using Chatbot.InferenceWorker.Providers;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>A fake model provider that plays one script per call: some tokens, then optionally a failure or a hang.</summary>
internal sealed class ScriptedChatService(params ScriptedChatService.Step[] steps) : IChatCompletionService
{
    public sealed record Step(string[] Tokens, Exception? FailAfterTokens = null, bool Hang = false, ProviderUsage? Usage = null);

    public int Calls { get; private set; }
    public List<DateTimeOffset> CallTimes { get; } = [];

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public static Step Reply(params string[] tokens) => new(tokens);
    public static Step Fail(Exception failure, params string[] tokensFirst) => new(tokensFirst, failure);

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var step = steps[Math.Min(Calls, steps.Length - 1)];
        Calls++;
        CallTimes.Add(DateTimeOffset.UtcNow);
        await Task.Yield();
        foreach (var token in step.Tokens) yield return new StreamingChatMessageContent(AuthorRole.Assistant, token, modelId: "scripted");
        if (step.Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (step.FailAfterTokens is not null) throw step.FailAfterTokens;
        if (step.Usage is not null)
        {
            yield return new StreamingChatMessageContent(null, null, metadata: new Dictionary<string, object?> { [ProviderUsage.MetadataKey] = step.Usage });
        }
    }
}
