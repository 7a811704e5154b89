namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// An A/B test of prompt versions of one scope (<see cref="TenantId"/> null: the global default's versions). Users are
/// assigned to a variant by a hash of their id (<c>ExperimentAssignment</c>); at most one running experiment per scope.
/// </summary>
public sealed class PromptExperiment
{
    public required Guid Id { get; init; }
    public Guid? TenantId { get; init; }
    public required string Name { get; init; }
    public required string Status { get; set; }
    /// <summary>Stored as jsonb; replaced as a whole when the weights move.</summary>
    public required List<ExperimentVariant> Variants { get; set; }
    public Guid? CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
