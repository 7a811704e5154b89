namespace Chatbot.Chat.OpenAi;

public sealed record ChatCompletionChoice(int Index, ChatCompletionMessage Message, string FinishReason)
{
    public object? Logprobs => null;
}
