namespace Chatbot.InferenceWorker.Providers;

/// <summary>A provider failed after it had streamed tokens: not retried on the same provider, the chain resets and falls back.</summary>
public sealed class MidStreamFailureException(ProviderException inner)
    : Exception($"Failed after streaming had started: {inner.Message}", inner)
{
    public ProviderException Failure { get; } = inner;
}
