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
/// <paramref name="FinalToolCallId"/>: the new message is the result of the caller's tool for that call (a <c>tool</c>
/// turn), not a user message. <paramref name="ClientTools"/> and <paramref name="ClientToolChoice"/>: the functions the
/// caller offers the model and runs itself (OpenAI's <c>tools</c> and <c>tool_choice</c>).
/// </summary>
public sealed record CallerContext(
    IReadOnlyList<HistoryTurn> HistoryNewestFirst,
    string? SystemAddition,
    int? MaxOutputTokens,
    string RequestHash,
    bool NewConversation,
    string Title,
    string? Provider = null,
    SamplingSettings? Sampling = null,
    string? FinalToolCallId = null,
    IReadOnlyList<ClientTool>? ClientTools = null,
    ClientToolChoice? ClientToolChoice = null);
