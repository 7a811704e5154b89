namespace Chatbot.Identity.Erasure;

/// <summary><c>GET /api/erasures/{id}</c>: <c>in_progress</c> until every expected store has reported, then <c>completed</c>.</summary>
public sealed record ErasureReceipt(Guid ErasureId, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<ErasureReceiptLine> Stores)
{
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
}
