using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// One step of a reply as <c>/v1</c> reads its stream: text, a reset (the provider chain restarted the reply), a call of
/// one of the caller's tools (<see cref="ToolCall"/>, <see cref="ToolCallIndex"/>), the end with usage
/// (<see cref="Usage"/>), or a failure (<see cref="ErrorCode"/>, a message the caller may see).
/// </summary>
public sealed record CompletionEvent(CompletionEventKind Kind, string Text = "", CompletionUsage? Usage = null,
    bool Truncated = false, string? ErrorCode = null, ChatToolCall? ToolCall = null, int ToolCallIndex = 0);
