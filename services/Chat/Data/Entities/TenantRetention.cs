namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// A tenant's retention: conversations whose last activity is older than <see cref="Days"/> are deleted with their
/// messages. <see cref="IsCustom"/> false = the row only records runs under the platform default
/// (<c>Retention:DefaultDays</c>); true with <see cref="Days"/> null = the tenant keeps everything.
/// </summary>
public sealed class TenantRetention
{
    public required Guid TenantId { get; init; }
    public bool IsCustom { get; set; }
    public int? Days { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastRunStartedAt { get; set; }
    /// <summary>Null while a run is in progress (or before the first run finished).</summary>
    public DateTimeOffset? LastRunFinishedAt { get; set; }
    public DateTimeOffset? LastRunCutoff { get; set; }
    public long LastRunConversationsDeleted { get; set; }
    public long LastRunMessagesDeleted { get; set; }
}
