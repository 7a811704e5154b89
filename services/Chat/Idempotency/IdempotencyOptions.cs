using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.Idempotency;

/// <summary>Settings of <c>Idempotency-Key</c> records, section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key answers a resend with the same ids (Stripe keeps keys 24 h); after it a resend is new.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement (and transaction), so a large backlog never holds long locks.</summary>
    [Range(1, 100_000)]
    public int PurgeBatchSize { get; set; } = 1000;
}
