using System.Text.Json.Serialization;

namespace Chatbot.Chat.OpenAi;

/// <summary>The answer's message; one that calls the caller's tools has null content and <see cref="ToolCalls"/> (absent otherwise).</summary>
public sealed record ChatCompletionMessage(string? Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatCompletionToolCall>? ToolCalls = null)
{
    public string Role => "assistant";
    public string? Refusal => null;
}
