namespace Chatbot.Chat.Data.Entities;

/// <summary>Stored as text: queued → running → completed | failed.</summary>
public static class AccountExportStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
