namespace Chatbot.Chat.Data.Entities;

/// <summary>Stored as text: a running experiment assigns users; a stopped one never runs again (its results stay).</summary>
public static class ExperimentStatuses
{
    public const string Running = "running";
    public const string Stopped = "stopped";
}
