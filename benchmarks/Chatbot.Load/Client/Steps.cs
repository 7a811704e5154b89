namespace Chatbot.Load.Client;

/// <summary>Names of the recorded steps (rows of the report).</summary>
public static class Steps
{
    public const string SignUp = "sign up (POST /api/account/register)";
    public const string LogIn = "log in (POST /connect/token)";
    public const string CreateConversation = "create conversation";
    public const string SendMessage = "send message (202)";
    public const string FirstToken = "time to first token";
    public const string ReplyComplete = "reply complete (done event)";
    public const string ListConversations = "list conversations";
    public const string StreamOpen = "stream open (SSE headers)";
}
