namespace Chatbot.InferenceWorker.Configuration;

/// <summary><c>Inference:Queue</c>: turns waiting inside one worker for a provider slot, and how they are shared out.</summary>
public sealed class QueueSettings
{
    /// <summary>Turns one worker holds waiting (unacknowledged, in priority and fair order); more stay in RabbitMQ.</summary>
    public int Capacity { get; set; } = 1_000;

    /// <summary>Share of the provider slots one tenant may hold at once (at least one slot); 1 = no cap, round-robin only.</summary>
    public double MaxTenantShare { get; set; } = 0.5;

    /// <summary>Shortest time between two <c>queued</c> events of one waiting turn.</summary>
    public int UpdateIntervalMilliseconds { get; set; } = 500;
}
