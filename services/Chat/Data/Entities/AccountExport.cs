namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// One <c>POST /api/account/export</c> job: all of a user's data (identity's profile, chat's conversations and messages,
/// billing's usage) gathered in the background into <see cref="Content"/>, downloaded through a signed link that expires.
/// </summary>
public sealed class AccountExport
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid UserId { get; init; }
    /// <summary>One of <see cref="AccountExportStatuses"/>.</summary>
    public required string Status { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The export document (JSON) once <see cref="AccountExportStatuses.Completed"/>.</summary>
    public string? Content { get; set; }
    /// <summary>Why the job failed, in words a user may read (never another service's response body).</summary>
    public string? FailureReason { get; set; }
}
