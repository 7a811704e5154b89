namespace Chatbot.Moderation.Data;

/// <summary>Moderation's application role: its connections run as it, and moderationdb's row-level security applies to it.</summary>
public static class ModerationTenancy
{
    public const string Role = "moderation_app";
}
