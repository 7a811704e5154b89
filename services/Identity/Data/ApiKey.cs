namespace Chatbot.Identity.Data;

/// <summary>A programmatic credential of a tenant. The secret is shown once; only its SHA-256 is stored.</summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The admin who created it; requests made with the key act as this user.</summary>
    public Guid CreatedByUserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key (e.g. <c>cbk_AbC12</c>), enough to recognise it in a list.</summary>
    public required string DisplayPrefix { get; set; }
    public required string SecretHash { get; set; }
    public required string[] Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
