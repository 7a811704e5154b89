using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>Finds provider-reported usage in a streaming chunk, whichever connector produced it.</summary>
public static class UsageReader
{
    public static ProviderUsage? Read(IReadOnlyDictionary<string, object?>? metadata, object? innerContent)
    {
        if (metadata is not null && metadata.TryGetValue(ProviderUsage.MetadataKey, out var usage) && From(usage) is { } fromMetadata)
        {
            return fromMetadata;
        }
        return innerContent switch
        {
            StreamingChatCompletionUpdate { Usage: { } u } => From(u),
            ChatResponseUpdate update => update.Contents.OfType<UsageContent>().Select(c => From(c.Details)).LastOrDefault(),
            _ => null,
        };
    }

    private static ProviderUsage? From(object? usage) => usage switch
    {
        ProviderUsage p => p,
        ChatTokenUsage o => new ProviderUsage(o.InputTokenCount, o.OutputTokenCount),
        UsageDetails { InputTokenCount: { } i, OutputTokenCount: { } o } => new ProviderUsage((int)i, (int)o),
        UsageContent c => From(c.Details), // Semantic Kernel's IChatClient bridge (the Anthropic path) puts the content itself in metadata
        _ => null,
    };
}
