namespace Chatbot.Chat.OpenAi;

/// <summary>A non-streamed answer: OpenAI's <c>chat.completion</c> object with one choice and <c>usage</c>.</summary>
public sealed record ChatCompletion(string Id, long Created, string Model, IReadOnlyList<ChatCompletionChoice> Choices,
    CompletionUsage Usage)
{
    public string Object => "chat.completion";
    public string? SystemFingerprint => null;
}
