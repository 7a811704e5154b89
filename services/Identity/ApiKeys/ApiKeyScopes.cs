namespace Chatbot.Identity.ApiKeys;

public static class ApiKeyScopes
{
    public const string Chat = "chat";
    public const string Prefix = "cbk_";

    public static readonly IReadOnlyList<string> All = [Chat];
}
