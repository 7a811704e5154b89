using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.Idempotency;

/// <summary>
/// Chat's purge of its message keys, section <c>Idempotency</c>; their lifetime is <c>Idempotency:KeyLifetime</c>, the
/// one setting every <c>Idempotency-Key</c> shares (<see cref="Chatbot.ServiceDefaults.Idempotency.IdempotentRequestOptions"/>).
/// </summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How often expired keys are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement (and transaction), so a large backlog never holds long locks.</summary>
    [Range(1, 100_000)]
    public int PurgeBatchSize { get; set; } = 1000;
}
