namespace Chatbot.Chat.OpenAi;

/// <summary>A field of a <c>/v1</c> request that is missing or of the wrong type or range; answered 400 naming <see cref="Param"/>.</summary>
public sealed class OpenAiRequestException(string param, string message) : Exception(message)
{
    public string Param { get; } = param;
}
