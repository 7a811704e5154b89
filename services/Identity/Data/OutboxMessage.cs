namespace Chatbot.Identity.Data;

/// <summary>An event written in the same transaction as the change it reports; the dispatcher publishes it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
}
