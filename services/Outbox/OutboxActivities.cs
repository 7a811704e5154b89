using System.Diagnostics;

namespace Chatbot.Outbox;

/// <summary>
/// Carries a trace across the outbox table: a row keeps the W3C trace context of the request that wrote it, and its publish
/// (fast path or dispatcher, any time later) runs under an <c>outbox publish</c> span whose parent is that context, so the
/// broker's publish span, and everything the consumers do, stay in the request's trace.
/// </summary>
public static class OutboxActivities
{
    public const string SourceName = "Chatbot.Outbox";
    public const string PublishSpanName = "outbox publish";

    /// <summary>Longest <c>tracestate</c> kept (the W3C limit for propagation); a longer one is dropped, never cut.</summary>
    public const int MaxTraceStateLength = 512;

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current activity's <c>traceparent</c>, when it has a W3C id.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The current activity's <c>tracestate</c>, when it has a W3C id and the state is not longer than the limit.</summary>
    public static string? CurrentTraceState() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, TraceStateString: { Length: > 0 and <= MaxTraceStateLength } state } ? state : null;

    /// <summary>
    /// Makes the row's stored trace the current one for its publish; null when the row has none (or an unreadable one).
    /// When no listener records this source, a plain activity with that parent still keeps the publish in the trace.
    /// </summary>
    public static Activity? StartPublish(OutboxMessage row)
    {
        if (row.TraceParent is null || !ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent))
        {
            return null;
        }
        var activity = Source.StartActivity(PublishSpanName, ActivityKind.Internal, parent);
        if (activity is null)
        {
            activity = new Activity(PublishSpanName).SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.TraceStateString = parent.TraceState;
            activity.Start();
        }
        activity.SetTag("messaging.message.id", row.MessageId.ToString());
        activity.SetTag("chatbot.outbox.message_type", row.MessageType);
        activity.SetTag("chatbot.outbox.attempt", row.Attempts + 1);
        return activity;
    }
}
