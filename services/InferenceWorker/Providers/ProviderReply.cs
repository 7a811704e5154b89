using Chatbot.Contracts.Inference;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>A complete answer from one provider of the chain; <see cref="ToolCalls"/>: the calls of the caller's tools it asked for (empty: none).</summary>
public sealed record ProviderReply(
    ChatProvider Provider,
    string Model,
    string Content,
    ProviderUsage? ReportedUsage,
    TimeSpan TimeToFirstToken)
{
    public IReadOnlyList<ChatToolCall> ToolCalls { get; init; } = [];
}
