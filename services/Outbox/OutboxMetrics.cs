using System.Diagnostics.Metrics;

namespace Chatbot.Outbox;

/// <summary>
/// Meter <c>Chatbot.&lt;Service&gt;.Outbox</c> (chat: <c>Chatbot.Chat.Outbox</c>): rows the dispatcher gave up on
/// (<c>&lt;service&gt;.outbox.dead_lettered</c>; alert on any increase), and rows a fast path published or handed over to
/// the dispatcher (<c>&lt;service&gt;.outbox.fast_path</c>).
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> deadLettered;
    private readonly Counter<long> fastPath;

    /// <param name="service">The service's resource name in lower case (<c>chat</c>, <c>identity</c>).</param>
    public OutboxMetrics(IMeterFactory meters, string service)
    {
        var meter = meters.Create(MeterNameOf(service));
        deadLettered = meter.CreateCounter<long>(DeadLetteredNameOf(service), "{row}", "Outbox rows dead-lettered after their last attempt");
        fastPath = meter.CreateCounter<long>(FastPathNameOf(service), "{row}", "Outbox rows the fast path published (or handed over to the dispatcher)");
        deadLettered.Add(0); // exported at 0 from the start (the Prometheus way): the alert and the dashboard read 0, not nothing
    }

    public static string MeterNameOf(string service) => $"Chatbot.{char.ToUpperInvariant(service[0])}{service[1..]}.Outbox";

    public static string DeadLetteredNameOf(string service) => $"{service}.outbox.dead_lettered";

    public static string FastPathNameOf(string service) => $"{service}.outbox.fast_path";

    public void FastPath(long published, long handedOver)
    {
        fastPath.Add(published, new KeyValuePair<string, object?>("outcome", "published"));
        fastPath.Add(handedOver, new KeyValuePair<string, object?>("outcome", "handed_over"));
    }

    public void DeadLettered(string messageType) =>
        deadLettered.Add(1, new KeyValuePair<string, object?>("message_type", messageType));
}
