namespace Chatbot.Chat.OpenAi;

public sealed record OpenAiModelList(IReadOnlyList<OpenAiModelDto> Data)
{
    public string Object => "list";
}
