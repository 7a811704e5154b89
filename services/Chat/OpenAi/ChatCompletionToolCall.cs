namespace Chatbot.Chat.OpenAi;

/// <summary>OpenAI's <c>message.tool_calls[i]</c>: <c>{"id","type":"function","function":{"name","arguments"}}</c>.</summary>
public sealed record ChatCompletionToolCall(string Id, ChatCompletionFunctionCall Function)
{
    public string Type => "function";
}
