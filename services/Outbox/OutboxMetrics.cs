using System.Diagnostics.Metrics;

namespace Chatbot.Chat.Outbox;

/// <summary>
/// Meter <c>Chatbot.Chat.Outbox</c>: rows the dispatcher gave up on (alert on any increase), and rows the fast path
/// published or handed over to the dispatcher.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Chatbot.Chat.Outbox";
    public const string DeadLetteredName = "chat.outbox.dead_lettered";
    public const string FastPathName = "chat.outbox.fast_path";

    private readonly Counter<long> deadLettered;
    private readonly Counter<long> fastPath;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        deadLettered = meter.CreateCounter<long>(DeadLetteredName, "{row}", "Outbox rows dead-lettered after their last attempt");
        fastPath = meter.CreateCounter<long>(FastPathName, "{row}", "Outbox rows the fast path published (or handed over to the dispatcher)");
    }

    public void FastPath(long published, long handedOver)
    {
        fastPath.Add(published, new KeyValuePair<string, object?>("outcome", "published"));
        fastPath.Add(handedOver, new KeyValuePair<string, object?>("outcome", "handed_over"));
    }

    public void DeadLettered(string messageType) =>
        deadLettered.Add(1, new KeyValuePair<string, object?>("message_type", messageType));
}
