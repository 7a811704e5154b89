namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>The three roles of the system. A user has exactly one.</summary>
public static class ChatbotRoles
{
    public const string Member = "member";
    public const string TenantAdmin = "tenant-admin";
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> All = [Member, TenantAdmin, PlatformAdmin];
}
