using System.Diagnostics.Metrics;

namespace Chatbot.Chat.Outbox;

/// <summary>Meter <c>Chatbot.Chat.Outbox</c>: rows the dispatcher gave up on (alert on any increase).</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Chatbot.Chat.Outbox";
    public const string DeadLetteredName = "chat.outbox.dead_lettered";

    private readonly Counter<long> deadLettered;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        deadLettered = meter.CreateCounter<long>(DeadLetteredName, "{row}", "Outbox rows dead-lettered after their last attempt");
    }

    public void DeadLettered(string messageType) =>
        deadLettered.Add(1, new KeyValuePair<string, object?>("message_type", messageType));
}
