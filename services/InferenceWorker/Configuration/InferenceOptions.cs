namespace Chatbot.InferenceWorker.Configuration;

/// <summary>The <c>Inference</c> configuration section: consumer limits, reply streams and the provider chain.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Approximate MAXLEN of a reply stream.</summary>
    public int StreamMaxLength { get; set; } = 10_000;

    /// <summary>How long a finished reply stream stays readable.</summary>
    public int StreamExpirySeconds { get; set; } = 3_600;

    /// <summary>How long an unfinished stream survives (a worker died and nobody picked the reply up again).</summary>
    public int InProgressStreamExpirySeconds { get; set; } = 86_400;

    /// <summary>Tokens arriving within this window go to Redis as one stream entry.</summary>
    public int FlushIntervalMilliseconds { get; set; } = 5;

    /// <summary>
    /// How long a request chat published before its turn committed waits for the commit mark before the worker gives it
    /// up (chat's outbox row then carries the turn; see <see cref="Chatbot.Contracts.Inference.GenerateReply.AwaitCommit"/>).
    /// </summary>
    public int CommitWaitMilliseconds { get; set; } = 10_000;

    public ResilienceSettings Resilience { get; set; } = new();

    /// <summary>The waiting room of turns admitted by the providers' limits (see <see cref="Admission.WorkerCapacity"/>).</summary>
    public QueueSettings Queue { get; set; } = new();

    public List<ProviderOptions> Providers { get; set; } = [];

    /// <summary>Removed: the limit is the provider's (<see cref="ProviderOptions.MaxConcurrentRequests"/>). Setting it stops start-up.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Removed: prefetch follows the provider's limit plus <see cref="QueueSettings.Capacity"/>. Setting it stops start-up.</summary>
    public int? Prefetch { get; set; }
}
