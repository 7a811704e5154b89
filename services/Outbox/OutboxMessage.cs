namespace Chatbot.Outbox;

/// <summary>
/// A message to publish, written in the same transaction as the change it announces. Rows are deleted once published;
/// rows with the same <see cref="OrderingKey"/> (chat: the conversation; identity: the tenant) are published strictly in <see cref="Id"/> order.
/// A row that failed <c>Outbox:MaxAttempts</c> times is dead-lettered: kept with <see cref="DeadLetteredAt"/> and
/// <see cref="DeadLetterReason"/>, never tried again, and no longer holding back the later rows of its ordering key.
/// The W3C trace context of the change (<see cref="TraceParent"/>, <see cref="TraceState"/>) is kept so the publish,
/// however much later, continues the trace of the request that wrote the row.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required Guid MessageId { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid OrderingKey { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public byte? Priority { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public required DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadLetteredAt { get; set; }
    public string? DeadLetterReason { get; set; }
    /// <summary>The W3C <c>traceparent</c> of the activity current when the row was written; null outside a trace.</summary>
    public string? TraceParent { get; init; }
    /// <summary>The W3C <c>tracestate</c> that went with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; init; }
}
