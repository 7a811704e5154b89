namespace Chatbot.Chat.OpenAi;

/// <summary>OpenAI's <c>model</c> object: an alias and the provider that serves it (<c>owned_by</c>).</summary>
public sealed record OpenAiModelDto(string Id, long Created, string OwnedBy)
{
    public string Object => "model";
}
