namespace Chatbot.Chat.Data.Entities;

public static class MessageRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";
}
