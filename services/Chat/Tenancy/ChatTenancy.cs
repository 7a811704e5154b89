namespace Chatbot.Chat.Tenancy;

/// <summary>Chat's application role: its connections run as it, and chatdb's row-level security policies apply to it.</summary>
public static class ChatTenancy
{
    public const string Role = "chat_app";
}
