namespace Chatbot.Chat.Data.Entities;

/// <summary>Stored as text. Pending and streaming are open; the others are final and never change again.</summary>
public static class MessageStatuses
{
    public const string Pending = "pending";
    public const string Streaming = "streaming";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Blocked = "blocked";

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled or Blocked;
}
