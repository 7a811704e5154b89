namespace Chatbot.InferenceWorker.Configuration;

/// <summary>The <c>Inference</c> configuration section: consumer limits, reply streams and the provider chain.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Replies generated at once by one worker instance.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Messages RabbitMQ delivers ahead to one worker instance.</summary>
    public int Prefetch { get; set; } = 64;

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

    public List<ProviderOptions> Providers { get; set; } = [];
}
