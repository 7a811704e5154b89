namespace Chatbot.InferenceWorker.Providers;

/// <summary>Token usage as a provider reported it.</summary>
public sealed record ProviderUsage(int InputTokens, int OutputTokens)
{
    /// <summary>The key under which a streaming chunk's metadata carries usage (the one the SK OpenAI connector uses).</summary>
    public const string MetadataKey = "Usage";
}
