namespace Chatbot.InferenceWorker.Providers;

/// <summary>A complete answer from one provider of the chain.</summary>
public sealed record ProviderReply(
    ChatProvider Provider,
    string Model,
    string Content,
    ProviderUsage? ReportedUsage,
    TimeSpan TimeToFirstToken);
