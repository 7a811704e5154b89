namespace Chatbot.Chat.Data.Entities;

public static class EvaluationStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
