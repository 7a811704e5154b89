namespace Chatbot.Identity.Data;

/// <summary>What one store did for one erasure (a line of the receipt). The first report per store is kept.</summary>
public sealed class ErasureReport
{
    public Guid ErasureId { get; set; }
    public required string Service { get; set; }
    public required string Store { get; set; }
    public required string Action { get; set; }
    public long Count { get; set; }
    public DateTimeOffset At { get; set; }
}
