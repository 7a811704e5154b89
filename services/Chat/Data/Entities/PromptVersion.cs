namespace Chatbot.Chat.Data.Entities;

/// <summary>A system prompt version. <see cref="TenantId"/> null is the global default, used by tenants with no active version.</summary>
public sealed class PromptVersion
{
    public required Guid Id { get; init; }
    public Guid? TenantId { get; init; }
    public Guid? CreatedBy { get; init; }
    public required int Version { get; init; }
    public required string Content { get; init; }
    /// <summary>o200k tokens of <see cref="Content"/>, counted when the version is created (null for the seeded global default: counted per send).</summary>
    public int? ContentTokens { get; init; }
    public required bool IsActive { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
