using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.Turns;

/// <summary>
/// A turn whose context comes from the caller (the OpenAI-compatible door) rather than from the stored conversation:
/// the caller's earlier messages replace the stored history in the window, <paramref name="SystemAddition"/> is added
/// under the platform prompt, <paramref name="MaxOutputTokens"/> lowers (never raises) <c>Chat:MaxOutputTokens</c>,
/// <paramref name="RequestHash"/> is what an <c>Idempotency-Key</c> is checked against, and with
/// <paramref name="NewConversation"/> the conversation is created in the turn's own transaction (no extra round trip).
/// <paramref name="Provider"/> and <paramref name="Sampling"/> go onto the <c>GenerateReply</c> (the model alias's
/// provider, the caller's temperature, top_p and stop).
/// </summary>
public sealed record CallerContext(
    IReadOnlyList<HistoryTurn> HistoryNewestFirst,
    string? SystemAddition,
    int? MaxOutputTokens,
    string RequestHash,
    bool NewConversation,
    string Title,
    string? Provider = null,
    SamplingSettings? Sampling = null);
