using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Messaging;

/// <summary>MassTransit defaults, section <c>Messaging</c>. Retries are exponential, then the message moves to <c>&lt;queue&gt;_error</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Messages RabbitMQ delivers ahead of acknowledgement, per receive endpoint.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Concurrent consumers per endpoint; null lets MassTransit use the prefetch count.</summary>
    [Range(1, 1000)]
    public int? ConcurrentMessageLimit { get; set; }

    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryIntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);
}
