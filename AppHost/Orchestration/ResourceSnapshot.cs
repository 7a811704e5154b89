namespace Chatbot.AppHost.Orchestration;

/// <summary>What the console table (and tests) see about one resource at one moment.</summary>
public sealed record ResourceSnapshot(string Name, string Type)
{
    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>"Healthy", "Unhealthy" or null when not known yet.</summary>
    public string? Health { get; init; }

    public string? Url { get; init; }
    public int Restarts { get; init; }
    public int? Pid { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>Why it failed to start, when it did.</summary>
    public string? Error { get; init; }

    public bool IsHealthy => State == KnownResourceStates.Running && Health == HealthStatus.Healthy;
}
