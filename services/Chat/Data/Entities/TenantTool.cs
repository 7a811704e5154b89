namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// A tool a tenant's administrators registered (<c>POST /api/tools</c>): the model may call it in that tenant's replies.
/// <see cref="Parameters"/> is the JSON Schema of its arguments; <see cref="PromptVersions"/> null offers it with every
/// prompt version, otherwise only with those listed.
/// </summary>
public sealed class TenantTool
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Parameters { get; init; }
    public required string Endpoint { get; init; }
    public required string Risk { get; init; }
    public List<int>? PromptVersions { get; init; }
    public Guid? CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
