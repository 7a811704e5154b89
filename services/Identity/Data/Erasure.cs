namespace Chatbot.Identity.Data;

/// <summary>
/// One erasure (of a user or of a whole tenant) and its receipt. The subject is kept only as
/// <see cref="SubjectHash"/> (<c>ErasureProtocol.SubjectHash</c>): enough to answer a repeated request with the same
/// erasure, not enough to name the person.
/// </summary>
public sealed class Erasure
{
    public const int SubjectKindMaxLength = 16;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    /// <summary><c>user</c> or <c>tenant</c>.</summary>
    public required string SubjectKind { get; set; }
    public required string SubjectHash { get; set; }
    /// <summary>The role that asked (<c>user</c>, <c>tenant-admin</c>, <c>platform-admin</c>), not who.</summary>
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
