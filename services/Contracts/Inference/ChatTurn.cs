namespace Chatbot.Contracts.Inference;

/// <summary>
/// One message of the context sent to a model. Role is "system", "user", "assistant" or "tool".
/// <paramref name="ToolCalls"/>: the calls an assistant message made (the OpenAI-compatible door's client-side tools);
/// <paramref name="ToolCallId"/>: the call a <c>tool</c> message answers, its result being <paramref name="Content"/>.
/// Both were added later and default to null, so a message published before them still reads.
/// </summary>
public sealed record ChatTurn(string Role, string Content, IReadOnlyList<ChatToolCall>? ToolCalls = null, string? ToolCallId = null);
