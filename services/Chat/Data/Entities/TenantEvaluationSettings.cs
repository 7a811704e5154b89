namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// A tenant's evaluation gate: the pass mark (<see cref="Threshold"/>, percent) and how far below the active version's score
/// a candidate may be (<see cref="Margin"/>, points); null: the deployment's <c>Chat:Evaluation</c> value.
/// </summary>
public sealed class TenantEvaluationSettings
{
    public required Guid TenantId { get; init; }
    public double? Threshold { get; set; }
    public double? Margin { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
}
