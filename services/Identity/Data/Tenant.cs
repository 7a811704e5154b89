namespace Chatbot.Identity.Data;

public sealed class Tenant
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>free, pro or enterprise (ChatbotTiers).</summary>
    public required string Tier { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
