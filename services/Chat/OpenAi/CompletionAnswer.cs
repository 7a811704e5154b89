namespace Chatbot.Chat.OpenAi;

/// <summary>
/// What every chunk or the completion object of one answer repeats; <see cref="MaxTokens"/> tells <c>length</c> from
/// <c>stop</c>, and an answer that called the caller's tools ends with <c>tool_calls</c>.
/// </summary>
public sealed record CompletionAnswer(string Id, long Created, string Model, int MaxTokens)
{
    public string FinishReason(CompletionEvent done, bool calledTools = false) =>
        calledTools ? "tool_calls" : done.Truncated || done.Usage!.CompletionTokens >= MaxTokens ? "length" : "stop";
}
