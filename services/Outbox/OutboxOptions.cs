using System.ComponentModel.DataAnnotations;

namespace Chatbot.Outbox;

/// <summary>Settings of the outbox dispatcher, section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Dispatch rounds one instance runs at once: while one round waits for the broker's confirms, a row committed
    /// meanwhile goes out in another instead of queueing behind it. Order per ordering key holds (a row waits until the
    /// earlier rows of its key are gone, whichever round holds them).
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>How often the dispatcher looks for rows written by other replicas or due for retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed attempts after which a row is dead-lettered (and the reply it would have started fails).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Publish a new turn's row straight after its commit instead of waking the dispatcher (docs/turn-lifecycle.md, 3: fast path).</summary>
    public bool FastPath { get; set; } = true;

    /// <summary>A fast-path <c>GenerateReply</c> goes to the broker before its commit, once granted (docs/turn-lifecycle.md, 3: early publish).</summary>
    public bool PublishBeforeCommit { get; set; } = true;

    /// <summary>
    /// How long the dispatcher leaves a row on the fast path alone. A row the fast path could not publish (process
    /// killed, broker down) is published by the dispatcher after this; a failed publish hands the row over at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FastPathGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows the fast path holds at most; beyond that new rows go to the dispatcher (bounded memory).</summary>
    [Range(1, 100_000)]
    public int FastPathCapacity { get; set; } = 1000;
}
