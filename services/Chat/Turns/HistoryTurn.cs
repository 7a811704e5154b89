using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.Turns;

/// <summary>
/// An earlier message of the conversation as a new turn reads it: its stored token count, when it has one, spares the
/// window a tokenizer pass. <paramref name="ToolCalls"/> and <paramref name="ToolCallId"/>: an assistant message's calls of
/// the caller's tools and the call a <c>tool</c> message answers (OpenAI-compatible door only).
/// </summary>
public sealed record HistoryTurn(string Role, string Content, int? ContentTokens, IReadOnlyList<ChatToolCall>? ToolCalls = null,
    string? ToolCallId = null);
