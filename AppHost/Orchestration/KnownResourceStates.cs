namespace Chatbot.AppHost.Orchestration;

/// <summary>Resource states, named as Aspire's dashboard names them.</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Migrating = "Migrating";
    public const string Running = "Running";
    public const string Paused = "Paused";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string FailedToStart = "FailedToStart";
    public const string Finished = "Finished";
}
