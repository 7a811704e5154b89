namespace Chatbot.Chat.OpenAi;

public sealed record ChatCompletionMessage(string Content)
{
    public string Role => "assistant";
    public string? Refusal => null;
}
